package org.loopbound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonPrimitive;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A request line becomes exactly the argument list it names, or a one-line error naming the line and the member. */
class ServeRequestTest {

    @Test
    void commandWordsThenArgsInOrderThenArgv() throws Exception {
        ServeRequest r = ServeRequest.parse("{\"id\": 7, \"command\": \"threshold  p1\", \"args\": {\"alpha\": 0.1,"
                + " \"--b\": \"1/3\", \"json\": true, \"table\": false}, \"argv\": [\"--at\", \"0,10\"]}", 3);
        assertEquals(List.of("threshold", "p1", "--alpha", "0.1", "--b", "1/3", "--json", "--at", "0,10"), r.argv());
        assertEquals(new JsonPrimitive(7), r.id());
    }

    @Test
    void numbersKeepTheirDigitsAsWritten() throws Exception {
        ServeRequest r = ServeRequest.parse("{\"command\": \"bound\", \"args\": {\"lambda\": 0.10, \"n\": 1e3}}", 1);
        assertEquals(List.of("bound", "--lambda", "0.10", "--n", "1e3"), r.argv());
        assertNull(r.id());
    }

    @Test
    void argvAloneIsTheWholeArgumentList() throws Exception {
        assertEquals(List.of("threshold", "d2", "--m", "100"),
                ServeRequest.parse("{\"argv\": [\"threshold\", \"d2\", \"--m\", \"100\"]}", 1).argv());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "{\"command\": \"bound\", \"args\": {\"scenario\": | malformed JSON",
        "{'command': 'bound'} | malformed JSON",
        "{\"command\": \"bound\"} {} | malformed JSON: more than one JSON value on the line",
        "[1, 2] | a request is a JSON object",
        "{\"comand\": \"bound\"} | unknown member \"comand\"",
        "{\"command\": 3} | \"command\" must be a command as a string",
        "{\"command\": \" \"} | \"command\" must be a command as a string",
        "{\"args\": {\"n\": 1}, \"argv\": [\"bound\"]} | \"args\" needs \"command\"",
        "{\"command\": \"bound\", \"args\": [1]} | \"args\" must be an object",
        "{\"command\": \"bound\", \"args\": {\"n\": [1, 2]}} | args.n must be a string, a number or a boolean",
        "{\"command\": \"bound\", \"argv\": \"--n 1\"} | \"argv\" must be an array of strings",
        "{\"command\": \"bound\", \"argv\": [\"--n\", 1]} | argv[1] must be a string, got 1",
        "{\"id\": 1} | a request needs \"command\""})
    void aMalformedLineNamesItsLineAndWhatIsWrong(String line, String what) {
        ServeRequest.Malformed e = assertThrows(ServeRequest.Malformed.class, () -> ServeRequest.parse(line, 42));
        String message = String.valueOf(e.getMessage());
        assertTrue(message.startsWith("loopbound serve: line 42: " + what), message);
        assertTrue(!message.contains("\n") && !message.contains("LENIENT"), message);
    }

    @Test
    void anErrorAfterTheIdKeepsTheId() {
        ServeRequest.Malformed e = assertThrows(ServeRequest.Malformed.class,
                () -> ServeRequest.parse("{\"id\": \"q1\", \"command\": 3}", 1));
        assertEquals(new JsonPrimitive("q1"), e.id());
    }
}
