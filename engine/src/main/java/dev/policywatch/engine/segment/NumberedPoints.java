package dev.policywatch.engine.segment;

import dev.policywatch.engine.segment.Segmentation.Scheme;
import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbered points: "1." "2)" "3、" at the start of a paragraph (a plan, a UK statutory instrument's
 * "3.—(1) …" regulations), a table row whose first cell is only its number, or the Chinese
 * enumeration 一、二、三、 of notices and measures. The points are the run 1, 2, 3, … in document
 * order; they are the provisions when that run is most of the points of their style (a document
 * of short lists restarting at 1 has lists, not points).
 */
final class NumberedPoints implements NumberingScheme {

    private static final Pattern ARABIC = Pattern.compile("^(\\d{1,3})\\s*[.)．、]\\s*(\\S.*)$", Pattern.DOTALL);
    private static final Pattern BARE = Pattern.compile("^(\\d{1,3})[.．]?$");
    private static final Pattern CHINESE = Pattern.compile("^([一二三四五六七八九十]{1,3})\\s*[、．.]\\s*(\\S.*)$", Pattern.DOTALL);
    private static final double MIN_SHARE = 0.6;

    @Override
    public Reading read(List<Block> blocks) {
        Reading arabic = read(blocks, false);
        Reading chinese = read(blocks, true);
        if (arabic == null) {
            return chinese;
        }
        return chinese == null || arabic.provisions() >= chinese.provisions() ? arabic : chinese;
    }

    private static Reading read(List<Block> blocks, boolean chinese) {
        int n = blocks.size();
        Role[] roles = new Role[n];
        int expected = 1;
        int candidates = 0;
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            roles[i] = NumberingScheme.plain(b);
            if (b.type() == BlockType.HEADING || (b.type() == BlockType.LIST_ITEM && b.level() > 1)) {
                continue;
            }
            long number;
            String body;
            Matcher m;
            if (chinese) {
                if (!(m = CHINESE.matcher(b.text())).matches()) {
                    continue;
                }
                number = ChineseNumerals.parse(m.group(1));
                body = m.group(2).strip();
            } else if ((m = ARABIC.matcher(b.text())).matches()) {
                number = Long.parseLong(m.group(1));
                body = m.group(2).strip();
            } else if (b.type() == BlockType.TABLE_CELL && (m = BARE.matcher(b.text())).matches()) {
                number = Long.parseLong(m.group(1)); // a numbered table row: the row's other cells follow
                body = "";
            } else {
                continue;
            }
            candidates++;
            if (number == expected) {
                String label = chinese ? m.group(1) : String.valueOf(number);
                roles[i] = Role.provision(label, "", body, Role.PARAGRAPH_OPENED);
                expected++;
            }
        }
        int points = expected - 1;
        return points >= 3 && points >= MIN_SHARE * candidates
                ? new Reading(Scheme.NUMBERED_POINTS, roles, points, 0.5) : null;
    }
}
