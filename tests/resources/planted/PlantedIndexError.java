/** Deliberately wrong: reads index 1 of an array that may have one element. The Index Checker must reject it. */
class PlantedIndexError {
    static int second(int[] values) {
        return values[1];
    }
}
