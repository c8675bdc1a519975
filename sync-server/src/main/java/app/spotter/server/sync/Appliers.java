package app.spotter.server.sync;

import app.spotter.model.sync.OperationType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The applier of each operation type; every type must have one. */
public final class Appliers {

    private final Map<OperationType, OperationApplier> byType = new EnumMap<>(OperationType.class);

    public Appliers(List<OperationApplier> appliers) {
        for (OperationApplier a : appliers) {
            if (byType.put(a.type(), a) != null) {
                throw new IllegalArgumentException("Two appliers for " + a.type());
            }
        }
        for (OperationType t : OperationType.values()) {
            if (!byType.containsKey(t)) {
                throw new IllegalArgumentException("No applier for " + t);
            }
        }
    }

    public OperationApplier of(OperationType type) {
        return byType.get(type);
    }
}
