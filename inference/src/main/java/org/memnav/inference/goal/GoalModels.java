package org.memnav.inference.goal;

import org.memnav.inference.model.ModelException;
import org.memnav.inference.model.ModelSession;

/** Checks shared by the goal encoders' loaders. */
final class GoalModels {

    private GoalModels() {
    }

    static void requireKind(ModelSession model, String kind) {
        if (!kind.equals(model.manifest().kind())) {
            throw new ModelException("manifest " + model.manifestPath() + ": field 'kind' is '" + model.manifest().kind()
                    + "', expected '" + kind + "'");
        }
    }
}
