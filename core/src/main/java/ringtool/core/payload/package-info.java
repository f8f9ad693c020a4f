/**
 * Payload dissectors: what the packets of a ring carry, decoded by the channel's protocol ({@code inspect
 * --protocol}, {@code decoded} in JSON, the info column and {@code -V} tree in text).
 *
 * <p>The framework: {@link ringtool.core.payload.PayloadView} (a packet's payload; every read checked against it),
 * {@link ringtool.core.payload.Fields} (the ordered field tree), {@link ringtool.core.payload.Decoded},
 * {@link ringtool.core.payload.DecodeContext} (findings at the right data-area and file offsets and packet),
 * {@link ringtool.core.payload.RingState} (requests by transaction ID, per-protocol state, per walk),
 * {@link ringtool.core.payload.MessageTable} (message type to name and {@link ringtool.core.payload.MessageDecoder}),
 * {@link ringtool.core.payload.Protocols} (the registry), {@link ringtool.core.payload.ProtocolSelector}
 * ({@code --protocol auto}) and {@link ringtool.core.payload.PayloadDecoder} (the layer over a walk that
 * {@code RingReport} and the writers use). Decoding never changes the walk: it is a layer over its packets.
 *
 * <h2>How to add a protocol</h2>
 * <ol>
 * <li>Make a package {@code ringtool.core.payload.<name>} (see {@code balloon} for a complete one).</li>
 * <li>Its header as a record with a {@code parse(PayloadView)} factory and offset constants chained from a layout
 *     diagram; the caller checks {@code payload.has(0, SIZE)} first.</li>
 * <li>One small class (or constant) per message family implementing {@code MessageDecoder<YourHeader>}; read
 *     fields with {@link ringtool.core.payload.FieldReader} (a field past the payload is left out and reads as
 *     0) or test {@code has} before each read; name fields as the Linux structs do and nest them as there.
 *     Arrays: loop {@code min(count, bytes present / entry size)} times, never {@code count}.</li>
 * <li>Rules in a class named {@code <Name>Rules} ({@code IcRules}, {@code NetvscRules}: {@code RulesTest} looks for
 *     it by that name and wants each ID written literally there once): {@code PayloadRules.rule("<name>.<subject>.<condition>", severity,
 *     meaning, linuxCheck)}, the constant named after the ID in upper case ({@code NETVSC_SECTION_OUT_OF_RANGE}),
 *     and a {@code List<Rule> ALL}. {@code linuxCheck} names the driver's check of the same condition (the
 *     2020-2022 hardening) or says "none: ..." and what the unhardened driver does. Raise them with
 *     {@code ctx.report}/{@code ctx.mismatch} at payload offsets; never throw.</li>
 * <li>A {@link ringtool.core.payload.ProtocolDissector}: name, class GUIDs (constants of {@code DeviceKinds}),
 *     rules, a cheap {@code plausible} content test for auto, and {@code decode}: parse the header (a too-short
 *     payload is a finding and {@code null}), look the type up in your {@code MessageTable}; an unknown type
 *     decodes the header only, {@code message} its number, with a {@code <name>.type.unknown} note.</li>
 * <li>For the payload fuzz target: {@code messageTypes()} ({@code MESSAGES.types()}) and {@code message(type,
 *     transactionId, body)}, which writes your headers around a body as the sender does (sizes consistent).</li>
 * <li>Register it: one line in {@link ringtool.core.payload.Protocols}'s list. {@code --protocol}, auto,
 *     {@code ringtool checks}, SARIF, every writer and the payload fuzz target pick it up from there. Then
 *     regenerate: {@code samples/regenerate} (man pages, goldens) and the seed corpus ({@code java -cp
 *     cli/target/ringtool.jar ringtool.fuzz.SeedCorpus corpus}: the payload seeds choose among the protocols).</li>
 * <li>Document the layouts and rules in {@code docs/protocols/<name>.md}, as {@code balloon.md} does.</li>
 * <li>Requests and completions: {@code ctx.state().request(ctx.transactionId(), yourRecord)} on the request,
 *     {@code ctx.state().complete(id, YourRecord.class)} on the completion (same ring, walk order). Protocol
 *     state (a negotiated version, buffer sections): {@code ctx.state().of(YourState.class, YourState::new)}.</li>
 * </ol>
 */
package ringtool.core.payload;
