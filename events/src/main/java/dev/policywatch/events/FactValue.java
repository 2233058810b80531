package dev.policywatch.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One side of a {@link Fact}. One flat record for every kind, of which only the fields of that kind
 * are set (and serialised), so that the JSON is exactly CONTRACT §2's:
 * <ul>
 *   <li>FINE, an amount: {@code {"min": 5000, "max": 30000, "currency": "CNY"}} (either bound may be null);</li>
 *   <li>FINE, a multiple: {@code {"minMultiple": 1, "maxMultiple": 10, "of": "ILLEGAL_GAINS"}};</li>
 *   <li>DEADLINE: {@code {"value": 30, "unit": "DAY"}} (DAY, WORKING_DAY, MONTH, YEAR);</li>
 *   <li>EFFECTIVE_DATE: {@code {"date": "2025-01-01"}};</li>
 *   <li>OBLIGATION: {@code {"modals": ["应当", "不得"]}}.</li>
 * </ul>
 * Numbers are normalised (no trailing zeros) so that equal values are equal records, and written plain
 * ({@code 5000}, {@code 0.01}, never {@code 5E+3}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FactValue(
        @Nullable @JsonSerialize(using = FactValue.Plain.class) BigDecimal min,
        @Nullable @JsonSerialize(using = FactValue.Plain.class) BigDecimal max,
        @Nullable String currency,
        @Nullable @JsonSerialize(using = FactValue.Plain.class) BigDecimal minMultiple,
        @Nullable @JsonSerialize(using = FactValue.Plain.class) BigDecimal maxMultiple,
        @Nullable String of,
        @Nullable @JsonSerialize(using = FactValue.Plain.class) BigDecimal value,
        @Nullable String unit,
        @Nullable String date,
        @Nullable List<String> modals) {

    /** Bases of a multiple fine. */
    public static final List<String> BASES = List.of("ILLEGAL_GAINS", "ILLEGAL_TURNOVER", "PRIOR_YEAR_SALES", "OTHER");
    /** Units of a deadline. */
    public static final List<String> UNITS = List.of("DAY", "WORKING_DAY", "MONTH", "YEAR");

    public FactValue {
        min = normal(min);
        max = normal(max);
        minMultiple = normal(minMultiple);
        maxMultiple = normal(maxMultiple);
        value = normal(value);
        modals = modals == null ? null : List.copyOf(modals);
        if (date != null) {
            LocalDate.parse(date); // ISO date or a clear exception
        }
    }

    /** An amount fine: either bound may be null, not both. */
    public static FactValue amount(BigDecimal min, BigDecimal max, String currency) {
        if (min == null && max == null) {
            throw new IllegalArgumentException("an amount needs a min or a max");
        }
        return new FactValue(min, max, currency, null, null, null, null, null, null, null);
    }

    /** A multiple fine ({@code 违法所得一倍以上十倍以下}; a percentage is a fraction: 百分之一 = 0.01). */
    public static FactValue multiple(BigDecimal minMultiple, BigDecimal maxMultiple, String of) {
        if (minMultiple == null && maxMultiple == null) {
            throw new IllegalArgumentException("a multiple needs a min or a max");
        }
        if (!BASES.contains(of)) {
            throw new IllegalArgumentException("unknown base of a multiple: " + of);
        }
        return new FactValue(null, null, null, minMultiple, maxMultiple, of, null, null, null, null);
    }

    public static FactValue deadline(BigDecimal value, String unit) {
        if (!UNITS.contains(unit)) {
            throw new IllegalArgumentException("unknown deadline unit: " + unit);
        }
        return new FactValue(null, null, null, null, null, null, value, unit, null, null);
    }

    public static FactValue effective(LocalDate date) {
        return new FactValue(null, null, null, null, null, null, null, null, date.toString(), null);
    }

    public static FactValue modals(List<String> modals) {
        return new FactValue(null, null, null, null, null, null, null, null, null, modals);
    }

    /** Whether this is a multiple (of gains, turnover, sales) rather than an amount. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isMultiple() {
        return of != null;
    }

    private static BigDecimal normal(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** Writes a number in plain notation. */
    public static final class Plain extends JsonSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(value.toPlainString());
        }
    }
}
