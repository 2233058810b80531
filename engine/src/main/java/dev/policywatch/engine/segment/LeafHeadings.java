package dev.policywatch.engine.segment;

import dev.policywatch.engine.segment.Segmentation.Scheme;
import dev.policywatch.events.Block;
import dev.policywatch.events.BlockType;
import java.util.List;

/** No numbering: the smallest headed sections are the provisions, labelled by their heading. */
final class LeafHeadings implements NumberingScheme {

    @Override
    public Reading read(List<Block> blocks) {
        int n = blocks.size();
        Role[] roles = new Role[n];
        int provisions = 0;
        int nextHeading = n;
        // walk backwards so "is the next heading deeper" is known in one pass
        for (int i = n - 1; i >= 0; i--) {
            Block b = blocks.get(i);
            if (b.type() != BlockType.HEADING) {
                roles[i] = Role.CONTENT;
                continue;
            }
            boolean leaf = nextHeading == n || blocks.get(nextHeading).level() <= b.level();
            if (leaf) {
                roles[i] = Role.provision(b.text(), "", "", b.level());
                provisions++;
            } else {
                roles[i] = Role.container(null, b.text(), b.level());
            }
            nextHeading = i;
        }
        return provisions >= 2 ? new Reading(Scheme.HEADINGS, roles, provisions, 0.2) : null;
    }
}
