package io.vasgate.billing.cdr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class CsvFieldPropertyTest {

  @Property
  void anyValuesJoinedAsFieldsParseBackUnchanged(@ForAll List<String> values) {
    List<String> fields = new ArrayList<>();
    for (String value : values) {
      fields.add(CdrExporter.field(value));
    }
    String line = String.join(",", fields);

    List<String> parsed = parseRecord(line);

    assertThat(parsed).isEqualTo(values.isEmpty() ? List.of("") : values);
  }

  @Example
  void leavesPlainValuesUnquoted() {
    assertThat(CdrExporter.field("order-42")).isEqualTo("order-42");
    assertThat(CdrExporter.field("")).isEmpty();
    assertThat(CdrExporter.field("a\"b")).isEqualTo("\"a\"\"b\"");
    assertThat(CdrExporter.field("a\r\nb")).isEqualTo("\"a\r\nb\"");
  }

  /** An RFC 4180 reader of one record, independent of the writer. */
  private static List<String> parseRecord(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    boolean quoted = false;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0) {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
      i++;
    }
    fields.add(field.toString());
    return fields;
  }
}
