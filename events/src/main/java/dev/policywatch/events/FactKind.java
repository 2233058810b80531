package dev.policywatch.events;

/** What a {@link Fact} is about. */
public enum FactKind {
    /** A fine clause (罚款, fine, penalty): an amount range or a multiple of a base. */
    FINE,
    /** A time limit: 三十日内, within 30 days. */
    DEADLINE,
    /** When the text takes effect: 自2025年1月1日起施行, effective on January 1, 2025. */
    EFFECTIVE_DATE,
    /** The binding modal verbs: 应当, 必须, 不得, 禁止, 可以; shall, must, must not, may, should. */
    OBLIGATION
}
