package org.jykka.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void columnsStartAtTheSamePositionOnEveryLine() {
        TextTable table = new TextTable("NAME", "URN");
        table.add("greeter", "urn:uuid:1");
        table.add("x", "urn:uuid:2");
        String n = System.lineSeparator();
        assertEquals("NAME     URN" + n + "greeter  urn:uuid:1" + n + "x        urn:uuid:2" + n, table.render());
    }

    @Test
    void rowWithTheWrongNumberOfCellsIsRejected() {
        TextTable table = new TextTable("NAME", "URN");
        assertThrows(IllegalArgumentException.class, () -> table.add("only one"));
    }
}
