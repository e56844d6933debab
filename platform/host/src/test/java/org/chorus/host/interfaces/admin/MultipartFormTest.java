package org.chorus.host.interfaces.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartFormTest {

    static final String TYPE = "multipart/form-data; boundary=\"XyZ\"";

    @Test
    void readsFieldsAndFilesAsABrowserSendsThem() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"label\"\r\n\r\nCafé ✓\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"scores.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + "a,b\r\n1,2\r\n--not the boundary\r\n"
                + "\r\n--XyZ--\r\n";
        MultipartForm form = MultipartForm.parse(body.getBytes(StandardCharsets.UTF_8), MultipartForm.boundary(TYPE).orElseThrow());
        assertThat(form.fields().get("_csrf")).containsExactly("tok");
        assertThat(form.fields().get("label")).containsExactly("Café ✓");
        assertThat(form.files().get("file").fileName()).isEqualTo("scores.csv");
        assertThat(form.files().get("file").contentType()).isEqualTo("text/csv");
        assertThat(new String(form.files().get("file").content(), StandardCharsets.UTF_8))
                .isEqualTo("a,b\r\n1,2\r\n--not the boundary\r\n");
    }

    @Test
    void anEmptyFileInputIsAnEmptyUpload() {
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\r\n--XyZ--\r\n";
        MultipartForm form = MultipartForm.parse(body.getBytes(StandardCharsets.UTF_8), "XyZ");
        assertThat(form.files().get("file").content()).isEmpty();
    }

    @Test
    void malformedBodiesSayWhatIsWrong() {
        assertThatThrownBy(() -> MultipartForm.parse("hello".getBytes(StandardCharsets.UTF_8), "XyZ"))
                .hasMessageContaining("no parts");
        assertThatThrownBy(() -> MultipartForm.parse("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx"
                .getBytes(StandardCharsets.UTF_8), "XyZ")).hasMessageContaining("closing boundary");
        assertThat(MultipartForm.boundary("application/x-www-form-urlencoded")).isEmpty();
        assertThat(MultipartForm.boundary("multipart/form-data")).isEmpty();
    }
}
