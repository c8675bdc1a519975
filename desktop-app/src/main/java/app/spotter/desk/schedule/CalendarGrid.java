package app.spotter.desk.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;

/**
 * The time grid of the calendar: one column per shown day, an hour every {@link #HOUR_HEIGHT}
 * pixels, each slot's entry placed at its start and as tall as it lasts. Slots that overlap on a
 * day share the column side by side. Only layout here; the entries are built by the view.
 */
final class CalendarGrid extends Pane {

    static final double HOUR_HEIGHT = 48;
    static final double GUTTER = 52;
    private static final int FIRST_HOUR = 6;
    private static final int LAST_HOUR = 22;

    private record Placed(Node node, int column, double startHour, double endHour, int lane, int lanes) {
    }

    private final List<Node> hourMarks = new ArrayList<>();
    private final List<Placed> placed = new ArrayList<>();
    private int columns = 1;
    private int firstHour = FIRST_HOUR;
    private int lastHour = LAST_HOUR;

    CalendarGrid() {
        getStyleClass().add("calendar-grid");
    }

    /** Shows the entries of the given slots (entry nodes in the same order) over the given days. */
    void show(List<LocalDate> days, List<SlotItem> slots, List<Node> entries, ZoneId zone) {
        columns = Math.max(1, days.size());
        placed.clear();
        getChildren().clear();
        hourMarks.clear();
        firstHour = FIRST_HOUR;
        lastHour = LAST_HOUR;
        record Span(int column, double start, double end) {
        }
        List<Span> spans = new ArrayList<>();
        for (SlotItem item : slots) {
            ZonedDateTime start = item.slot().startsAt().atZone(zone);
            ZonedDateTime end = item.slot().endsAt().atZone(zone);
            int column = days.indexOf(start.toLocalDate());
            double from = hours(start.toLocalTime());
            double to = end.toLocalDate().isAfter(start.toLocalDate()) ? 24 : Math.max(from + 0.25, hours(end.toLocalTime()));
            spans.add(new Span(column, from, to));
            if (column >= 0) {
                firstHour = Math.min(firstHour, (int) Math.floor(from));
                lastHour = Math.max(lastHour, (int) Math.ceil(to));
            }
        }
        for (int h = firstHour; h <= lastHour; h++) {
            Region line = new Region();
            line.getStyleClass().add("calendar-hour-line");
            line.setUserData(h);
            Label label = new Label(LocalTime.of(h % 24, 0).toString());
            label.getStyleClass().add("calendar-hour");
            label.setUserData(h);
            hourMarks.add(line);
            hourMarks.add(label);
        }
        for (int c = 1; c < columns; c++) {
            Region divider = new Region();
            divider.getStyleClass().add("calendar-day-line");
            divider.setUserData(-c);
            hourMarks.add(divider);
        }
        getChildren().addAll(hourMarks);
        // Lanes per day: a slot takes the first lane free at its start.
        Map<Integer, List<double[]>> lanesByDay = new HashMap<>();
        int[] laneOf = new int[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            List<double[]> lanes = lanesByDay.computeIfAbsent(s.column(), k -> new ArrayList<>());
            int lane = 0;
            while (lane < lanes.size() && lanes.get(lane)[0] > s.start()) {
                lane++;
            }
            if (lane == lanes.size()) {
                lanes.add(new double[] {s.end()});
            } else {
                lanes.get(lane)[0] = s.end();
            }
            laneOf[i] = lane;
        }
        for (int i = 0; i < spans.size(); i++) {
            Span s = spans.get(i);
            if (s.column() < 0) {
                continue;
            }
            int lanes = 1;
            for (int j = 0; j < spans.size(); j++) {
                Span o = spans.get(j);
                if (o.column() == s.column() && o.start() < s.end() && s.start() < o.end()) {
                    lanes = Math.max(lanes, laneOf[j] + 1);
                }
            }
            placed.add(new Placed(entries.get(i), s.column(), s.start(), s.end(), laneOf[i], lanes));
            getChildren().add(entries.get(i));
        }
        setPrefHeight((lastHour - firstHour) * HOUR_HEIGHT + 12);
        setMinHeight(getPrefHeight());
        requestLayout();
    }

    private static double hours(LocalTime t) {
        return t.getHour() + t.getMinute() / 60.0;
    }

    /** Where the earliest shown slot starts (the top when there is none). */
    double firstEntryY() {
        return placed.stream().mapToDouble(Placed::startHour).min().stream().map(this::yOf).findFirst().orElse(0);
    }

    double yOf(double hour) {
        return 6 + (hour - firstHour) * HOUR_HEIGHT;
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double width = getWidth() - in.getLeft() - in.getRight() - GUTTER;
        double columnWidth = width / columns;
        for (Node mark : hourMarks) {
            int h = (Integer) mark.getUserData();
            if (h < 0) {
                double x = in.getLeft() + GUTTER + columnWidth * -h;
                mark.resizeRelocate(x, 0, 1, getHeight());
            } else if (mark instanceof Label label) {
                double lh = label.prefHeight(-1);
                label.resizeRelocate(in.getLeft(), yOf(h) - lh / 2, GUTTER - 8, lh);
            } else {
                mark.resizeRelocate(in.getLeft() + GUTTER, yOf(h), width, 1);
            }
        }
        for (Placed p : placed) {
            double laneWidth = (columnWidth - 6) / p.lanes();
            double x = in.getLeft() + GUTTER + p.column() * columnWidth + 3 + p.lane() * laneWidth;
            double y = yOf(p.startHour()) + 1;
            double h = Math.max(22, (p.endHour() - p.startHour()) * HOUR_HEIGHT - 2);
            p.node().resizeRelocate(x, y, laneWidth - 2, h);
        }
    }
}
