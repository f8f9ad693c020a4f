#!/bin/bash -eu
# Builds the fuzz targets for ClusterFuzzLite / OSS-Fuzz: the project's jars (without Maven's Jazzer, so that only
# the base image's Jazzer runs), one launcher per target in $OUT, and each target's seed corpus.

mvn -B -q -pl fuzz -am package dependency:copy-dependencies -DskipTests \
    -DincludeScope=runtime -DexcludeGroupIds=com.code-intelligence \
    -DoutputDirectory="$OUT/lib"
cp core/target/ringtool-core*.jar output/target/ringtool-output*.jar fuzz/target/ringtool-fuzz*.jar "$OUT/lib/"
rm -f "$OUT"/lib/*-tests.jar "$OUT"/lib/*-sources.jar

RUNTIME_CLASSPATH=$(cd "$OUT" && ls lib/*.jar | sed 's|^|$this_dir/|' | paste -sd: -)

declare -A SEEDS=([RawFuzzer]=raw [LayoutFuzzer]=layout [ReadersFuzzer]=readers [PayloadFuzzer]=payload
                 [CarveFuzzer]=carve)
for fuzzer in "${!SEEDS[@]}"; do
  (cd "corpus/${SEEDS[$fuzzer]}" && zip -q -r "$OUT/${fuzzer}_seed_corpus.zip" .)
  cat > "$OUT/$fuzzer" <<LAUNCHER
#!/bin/bash
# LLVMFuzzerTestOneInput for fuzzer detection.
this_dir=\$(dirname "\$0")
if [[ "\$@" =~ (^| )-runs=[0-9]+(\$| ) ]]; then
  mem_settings='-Xmx1900m:-Xss900k:-XX:FreqInlineSize=50:-XX:InlineSmallCode=500'
else
  mem_settings='-Xmx2048m:-Xss1024k:-XX:FreqInlineSize=50:-XX:InlineSmallCode=500'
fi
LD_LIBRARY_PATH="$JVM_LD_LIBRARY_PATH":\$this_dir \
\$this_dir/jazzer_driver --agent_path=\$this_dir/jazzer_agent_deploy.jar \
  --cp=$RUNTIME_CLASSPATH \
  --target_class=ringtool.fuzz.$fuzzer \
  --instrumentation_includes=ringtool.core.**:ringtool.output.** \
  --instrumentation_excludes=ringtool.core.synth.**:ringtool.output.ControlEscapes:ringtool.output.JsonBytes:ringtool.output.picture.Svg \
  --jvm_args="\$mem_settings" \
  "\$@"
LAUNCHER
  chmod +x "$OUT/$fuzzer"
done
