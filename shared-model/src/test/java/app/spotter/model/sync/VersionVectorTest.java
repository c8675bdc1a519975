package app.spotter.model.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class VersionVectorTest {

    private static VersionVector vv(String text) {
        return VersionVector.parse(text);
    }

    @Test
    void aNodeNeverHeardOfCountsZero() {
        assertEquals(0, VersionVector.empty().get("desk-1"));
        assertEquals(3, vv("desk-1=3").get("desk-1"));
    }

    @Test
    void incrementingCountsOneMoreChangeByThatNode() {
        assertEquals(vv("desk-1=1"), VersionVector.empty().increment("desk-1"));
        assertEquals(vv("desk-1=4,server=7"), vv("desk-1=3,server=7").increment("desk-1"));
    }

    @Test
    void mergingTakesTheHigherCounterOfEachNode() {
        assertEquals(vv("a=3,b=5,c=1"), vv("a=3,b=2").merge(vv("b=5,c=1")));
    }

    @Test
    void aVersionThatSawMoreIsAfter() {
        assertEquals(Causality.AFTER, vv("a=2,b=1").compare(vv("a=1,b=1")));
        assertEquals(Causality.AFTER, vv("a=1,b=1").compare(vv("a=1")));
        assertEquals(Causality.BEFORE, vv("a=1").compare(vv("a=1,b=1")));
    }

    @Test
    void editsAtTwoOfflineDesksAreConcurrent() {
        var seen = vv("server=4");
        var deskA = seen.increment("desk-a");
        var deskB = seen.increment("desk-b");
        assertEquals(Causality.CONCURRENT, deskA.compare(deskB));
        assertFalse(deskA.dominates(deskB));
        assertTrue(deskA.merge(deskB).dominates(deskA));
    }

    @Test
    void aVersionDominatesItselfAndWhatCameBefore() {
        assertTrue(vv("a=1").dominates(vv("a=1")));
        assertTrue(vv("a=2").dominates(vv("a=1")));
        assertFalse(vv("a=1").dominates(vv("a=2")));
    }

    @Test
    void theTextFormIsSortedByNode() {
        var map = new TreeMap<String, Long>(Map.of("server", 7L, "node", 3L));
        assertEquals("node=3,server=7", new VersionVector(map).encode());
        assertEquals("", VersionVector.empty().encode());
    }

    @Test
    void blankTextIsTheEmptyVector() {
        assertEquals(VersionVector.empty(), VersionVector.parse(""));
        assertEquals(VersionVector.empty(), VersionVector.parse("  "));
        assertEquals(VersionVector.empty(), VersionVector.parse(null));
    }

    @Test
    void malformedTextIsRefused() {
        for (String text : new String[] {"a", "a=", "=1", "a=1,", ",a=1", "a=1,,b=2", "a=-1", "a=x", "a=1.5",
                "a=1,a=2", "a b=1", "a=99999999999999999999", "a==1", "a=+1"}) {
            assertThrows(IllegalArgumentException.class, () -> VersionVector.parse(text), text);
        }
    }

    @Test
    void counterOfZeroIsTheSameAsNoEntry() {
        var map = new TreeMap<String, Long>(Map.of("a", 0L, "b", 2L));
        assertEquals(vv("b=2"), new VersionVector(map));
        assertEquals(Causality.EQUAL, new VersionVector(map).compare(vv("b=2")));
    }

    @Test
    void negativeCountersAndBadNodeIdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new VersionVector(new TreeMap<>(Map.of("a", -1L))));
        assertThrows(IllegalArgumentException.class, () -> new VersionVector(new TreeMap<>(Map.of(" ", 1L))));
        assertThrows(IllegalArgumentException.class, () -> new VersionVector(new TreeMap<>(Map.of("a,b", 1L))));
        assertThrows(IllegalArgumentException.class, () -> VersionVector.empty().increment(""));
    }

    @Test
    void aVectorCannotBeChangedThroughItsEntriesOrItsSource() {
        var source = new TreeMap<String, Long>(Map.of("a", 1L));
        var vector = new VersionVector(source);
        source.put("a", 9L);
        assertEquals(1, vector.get("a"));
        assertThrows(UnsupportedOperationException.class, () -> vector.entries().put("b", 1L));
    }
}
