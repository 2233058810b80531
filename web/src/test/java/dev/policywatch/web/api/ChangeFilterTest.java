package dev.policywatch.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.policywatch.events.ChangeKind;
import dev.policywatch.events.ChangeType;
import org.junit.jupiter.api.Test;

class ChangeFilterTest {

    @Test
    void parsesKindsAndTypesInAnyCaseAndLeavesBlanksOut() {
        ChangeFilter f = ChangeFilter.parse(" cac ", "", "new_document", "modified", "  ");
        assertThat(f).isEqualTo(new ChangeFilter("cac", null, ChangeKind.NEW_DOCUMENT, ChangeType.MODIFIED, null));
        assertThat(f.toQuery()).containsExactly(java.util.Map.entry("source", "cac"),
                java.util.Map.entry("kind", "NEW_DOCUMENT"), java.util.Map.entry("type", "MODIFIED"));
        assertThat(ChangeFilter.NONE.any()).isFalse();
    }

    @Test
    void rejectsUnknownValuesNamingTheField() {
        assertThatThrownBy(() -> ChangeFilter.parse(null, null, "CHANGED", null, null)).hasMessageStartingWith("kind must be one of");
        assertThatThrownBy(() -> ChangeFilter.parse(null, null, null, null, "x".repeat(201))).hasMessageStartingWith("q must be at most");
    }
}
