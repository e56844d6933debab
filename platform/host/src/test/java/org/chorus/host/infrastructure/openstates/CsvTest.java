package org.chorus.host.infrastructure.openstates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void handlesQuotesCommasLineBreaksCrlfAndBlankLines() throws IOException {
        String text = "\uFEFFa,b,c\r\n"
                + "1,\"Room 109-B, State House\",\"say \"\"hi\"\"\"\r\n"
                + "\r\n"
                + "2,\"two\nlines\",\n"
                + "3,,x";
        List<Csv.Row> rows = Csv.parse(text);
        assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 4, 6);
        assertThat(rows.get(0).fields()).containsExactly("a", "b", "c");
        assertThat(rows.get(1).fields()).containsExactly("1", "Room 109-B, State House", "say \"hi\"");
        assertThat(rows.get(2).fields()).containsExactly("2", "two\nlines", "");
        assertThat(rows.get(3).fields()).containsExactly("3", "", "x");
    }

    @Test
    void anUnclosedQuoteIsAnErrorWithItsLine() {
        assertThatThrownBy(() -> Csv.parse("a,b\n1,\"open\n2,3\n")).isInstanceOf(IOException.class)
                .hasMessageContaining("line 2");
    }
}
