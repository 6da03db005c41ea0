import org.checkerframework.checker.nullness.qual.Nullable;

/** Deliberately wrong: dereferences a @Nullable value. The Nullness Checker must reject this file. */
class PlantedNullnessError {
    static int length(@Nullable String s) {
        return s.length();
    }
}
