package dev.policywatch.engine.segment;

/**
 * What one block does in a document under a numbering scheme: it opens a provision, opens a
 * container (a chapter, a group, a numbered section with subsections), is a plain heading, or is
 * content of whatever is open.
 *
 * @param type        the role
 * @param label       the number or identifier as the document prints it, or null
 * @param title       heading words after the label
 * @param body        text on the same line after the label (a paragraph-opened provision), or null
 * @param rank        a provision's heading level (0 when opened by a paragraph); a container's depth
 * @param textIsOwn   for a labelled container: its own text, if it has any before the next provision,
 *                    is a provision under the container's label (4.3 before 4.3.1, 第一章 with a preface)
 */
record Role(Type type, String label, String title, String body, int rank, boolean textIsOwn) {

    enum Type { CONTENT, CONTAINER, PROVISION, HEADING }

    /** A provision opened by a paragraph, not a heading. */
    static final int PARAGRAPH_OPENED = 0;

    static final Role CONTENT = new Role(Type.CONTENT, null, null, null, 0, false);

    static Role provision(String label, String title, String body, int level) {
        return new Role(Type.PROVISION, label, title, body, level, false);
    }

    /** A group that is only structure, whatever text it holds. */
    static Role container(String label, String title, int rank) {
        return new Role(Type.CONTAINER, label, title, null, rank, false);
    }

    /** A numbered unit that contains provisions; its own text, if any, is a provision too. */
    static Role numberedContainer(String label, String title, int rank) {
        return new Role(Type.CONTAINER, label, title, null, rank, label != null);
    }

    static Role heading(String text, int level) {
        return new Role(Type.HEADING, null, text, null, level, false);
    }
}
