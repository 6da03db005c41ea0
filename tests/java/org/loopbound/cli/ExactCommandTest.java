package org.loopbound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** {@code loopbound exact}: the chain's law printed exactly, and refusals beyond the state-space limit. */
class ExactCommandTest {

    /** For k = 2, N = 4, p₀ = (1/2, 1/2): TV = |X/4 − 1/2| with X ~ Bin(4, 1/2), so E TV = 3/16 by hand. */
    @Test
    void generationZeroMatchesTheBinomialByHand() {
        CliRunner.Result r = CliRunner.run("exact", "--scenario", "fully-synthetic", "--p0", "1/2,1/2", "--n", "4",
                "--generations", "2", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonObject g0 = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("generations").get(0)
                .getAsJsonObject();
        assertEquals("3/16", g0.getAsJsonObject("expected_tv").get("exact").getAsString());
        assertEquals(3, g0.getAsJsonArray("tv_distribution").size(), "TV takes the values 0, 1/4, 1/2");
        assertEquals("3/8", g0.getAsJsonArray("tv_distribution").get(0).getAsJsonObject()
                .getAsJsonObject("probability").get("exact").getAsString());
    }

    @Test
    void aStateSpaceBeyondTheLimitIsRefusedInOneLine() {
        CliRunner.Result r = CliRunner.run("exact", "--scenario", "fully-synthetic", "--p0", "uniform:10", "--n",
                "2000", "--generations", "3");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("states") && r.err().contains("limit"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        CliRunner.Result acc = CliRunner.run("exact", "--scenario", "accumulate", "--p0", "1/2,1/2", "--real", "4",
                "--synthetic", "2", "--generations", "2");
        assertEquals(2, acc.exit(), acc.out());
        assertTrue(acc.err().contains("accumulate"), acc.err());
    }
}
