package dev.policywatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/events.md stays true to the code: its examples read as the events they claim to be. */
class EventsDocumentationTest {

    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: (\\w+) -->\\s*```json\\n(.*?)\\n```", Pattern.DOTALL);

    @Test
    void theExamplesInDocsEventsMdReadAsTheirEvents() throws IOException {
        Path doc = Path.of(System.getProperty("user.dir")).resolve("../docs/events.md").normalize();
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        Matcher m = EXAMPLE.matcher(text);
        int found = 0;
        while (m.find()) {
            found++;
            String json = m.group(2);
            switch (m.group(1)) {
                case "PageSnapshot" -> assertThat(EventJson.read(json, PageSnapshot.class)).isEqualTo(Examples.snapshot());
                case "AttachmentSnapshot" -> assertThat(EventJson.read(json, PageSnapshot.class))
                        .isEqualTo(Examples.attachment());
                case "DocumentChange" -> assertThat(EventJson.read(json, DocumentChange.class)).isEqualTo(Examples.change());
                default -> throw new AssertionError("unknown example type " + m.group(1));
            }
        }
        assertThat(found).isEqualTo(3);
    }
}
