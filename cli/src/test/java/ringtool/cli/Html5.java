package ringtool.cli;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** HTML5 conformance by the Nu Html Checker (the W3C's validator), offline: its schemas ship in its jar. */
final class Html5 {

    private Html5() {
    }

    /** Every error and warning the checker reports, as {@code line:column: message}; empty for a valid document. */
    static List<String> problems(String html) throws Exception {
        List<String> problems = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                problems.add("warning " + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void error(SAXParseException e) {
                problems.add("error " + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        SimpleDocumentValidator v = new SimpleDocumentValidator();
        v.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect);
        v.setUpValidatorAndParsers(collect, false, false);
        v.checkHtmlInputSource(new InputSource(new StringReader(html)));
        return problems;
    }
}
