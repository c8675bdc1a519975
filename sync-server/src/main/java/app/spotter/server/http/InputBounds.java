package app.spotter.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

/**
 * What the server reads at all, before any rule: dates and times from 1900 to 2200 (the calendar a
 * gym lives in; a membership starting in the year 999999999 overflows date arithmetic and database
 * columns), and text without NUL characters (PostgreSQL cannot store them). Refused at the edge with
 * the field named: in every JSON body by {@link #module()}, in query parameters by {@link Params},
 * and per operation in a desk's push.
 */
public final class InputBounds {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2200;
    private static final Instant FIRST = LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant END = LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    /**
     * Reader attribute that lets dates outside the bounds and NUL characters through the JSON reader:
     * a desk's push refuses them per operation instead (REJECTED once), so one bad value cannot block
     * its outbox.
     */
    public static final String UNBOUNDED_DATES = "spotter.unboundedDates";

    private InputBounds() {
    }

    public static String rule() {
        return "a date between " + MIN_YEAR + " and " + MAX_YEAR;
    }

    /** Whether a date, date-time or instant lies within the bounds; null is fine (required is another rule). */
    public static boolean inRange(Temporal t) {
        return switch (t) {
            case null -> true;
            case LocalDate d -> d.getYear() >= MIN_YEAR && d.getYear() <= MAX_YEAR;
            case Instant i -> !i.isBefore(FIRST) && i.isBefore(END);
            case OffsetDateTime o -> inRange(o.toLocalDate());
            case ZonedDateTime z -> inRange(z.toLocalDate());
            default -> true;
        };
    }

    /** The value, or a 400 naming the field when it lies outside the bounds. */
    public static <T extends Temporal> T require(String field, T value) {
        if (!inRange(value)) {
            throw ApiException.validation(field, field + " must be " + rule());
        }
        return value;
    }

    /** Jackson deserializers for the java.time types of the API that refuse values outside the bounds. */
    public static SimpleModule module() {
        SimpleModule m = new SimpleModule("spotter-input-bounds");
        m.addDeserializer(LocalDate.class, new Bounded<>(LocalDate.class, LocalDateDeserializer.INSTANCE));
        m.addDeserializer(Instant.class, new Bounded<>(Instant.class, InstantDeserializer.INSTANT));
        m.addDeserializer(OffsetDateTime.class, new Bounded<>(OffsetDateTime.class, InstantDeserializer.OFFSET_DATE_TIME));
        m.addDeserializer(ZonedDateTime.class, new Bounded<>(ZonedDateTime.class, InstantDeserializer.ZONED_DATE_TIME));
        m.addDeserializer(String.class, new Text());
        return m;
    }

    /** Whether a text can be stored: no NUL character. */
    public static boolean storable(String text) {
        return text == null || text.indexOf('\u0000') < 0;
    }

    /** Text as Jackson reads it, without NUL characters. */
    private static final class Text extends StdDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (!storable(value) && !Boolean.TRUE.equals(ctxt.getAttribute(UNBOUNDED_DATES))) {
                String message = "Text must not contain NUL characters";
                throw JsonMappingException.from(p, message, new IllegalArgumentException(message));
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }

    private static final class Bounded<T extends Temporal> extends StdDeserializer<T> {
        private final transient JsonDeserializer<T> delegate;

        Bounded(Class<T> type, JsonDeserializer<T> delegate) {
            super(type);
            this.delegate = delegate;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            T value = delegate.deserialize(p, ctxt);
            if (!inRange(value) && !Boolean.TRUE.equals(ctxt.getAttribute(UNBOUNDED_DATES))) {
                String message = "Must be " + rule();
                // the cause makes ErrorHandling answer VALIDATION_FAILED with the field's path
                throw JsonMappingException.from(p, message, new IllegalArgumentException(message));
            }
            return value;
        }
    }
}
