package app.spotter.desk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.Property;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;

/** The bindings and listeners a view made when shown, all removed together when it is hidden. */
public final class Subscriptions {

    private final List<Runnable> undo = new ArrayList<>();

    public <T> void bind(Property<T> target, ObservableValue<? extends T> source) {
        target.bind(source);
        undo.add(target::unbind);
    }

    public <T> void bindBidirectional(Property<T> a, Property<T> b) {
        a.bindBidirectional(b);
        undo.add(() -> a.unbindBidirectional(b));
    }

    /** Listens, and calls the listener once with the current value. */
    public <T> void listen(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        listener.changed(value, null, value.getValue());
        undo.add(() -> value.removeListener(listener));
    }

    public void add(Runnable undoAction) {
        undo.add(undoAction);
    }

    public void clear() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }
}
