package app.spotter.model.members;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.spotter.model.members.MemberProfileRules.Problem;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemberProfileRulesTest {

    @Test
    void aChangedFieldIsCheckedByTheSameRuleAsAWholeProfile() {
        assertEquals(Optional.of(Problem.TOO_LONG), MemberProfileRules.checkChange("firstName", "F".repeat(101)));
        assertEquals(Optional.empty(), MemberProfileRules.checkChange("lastName", "L".repeat(100)));
        assertEquals(Optional.of(Problem.NOT_AN_EMAIL), MemberProfileRules.checkChange("email", "not-an-email"));
        assertEquals(Optional.of(Problem.NOT_A_PHONE), MemberProfileRules.checkChange("phone", "call me"));
        assertEquals(Optional.empty(), MemberProfileRules.checkChange("phone", "+49 30 1234567"));
    }

    @Test
    void aBlankChangeClearsAndAnUnknownFieldIsNotThisRulesBusiness() {
        assertEquals(Optional.empty(), MemberProfileRules.checkChange("email", "  "));
        assertEquals(Optional.empty(), MemberProfileRules.checkChange("notes", "x".repeat(500)));
    }
}
