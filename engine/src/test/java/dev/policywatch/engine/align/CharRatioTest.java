package dev.policywatch.engine.align;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CharRatioTest {

    /** The plain dynamic programme the bit-parallel version must agree with. */
    private static int naiveLcs(String a, String b) {
        int[][] dp = new int[a.length() + 1][b.length() + 1];
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                dp[i][j] = a.charAt(i - 1) == b.charAt(j - 1) ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
            }
        }
        return dp[a.length()][b.length()];
    }

    @Test
    void bitParallelLcsAgreesWithTheDynamicProgrammeAcrossWordBoundaries() {
        Random random = new Random(3);
        for (int round = 0; round < 300; round++) {
            String a = randomText(random, 1 + random.nextInt(300));
            String b = randomText(random, 1 + random.nextInt(300));
            assertThat(CharRatio.lcs(a, b)).as("%s / %s", a, b).isEqualTo(naiveLcs(a, b));
        }
    }

    @Test
    void ratioIsOneForEqualTextsAndZeroBeyondTheLimit() {
        assertThat(CharRatio.ratio("第十条规定", "第十条规定", 100)).isEqualTo(1.0);
        assertThat(CharRatio.ratio("abc", "xyz", 100)).isZero();
        assertThat(CharRatio.ratio("a".repeat(101), "a", 100)).isZero();
    }

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(4)));
        }
        return sb.toString();
    }
}
