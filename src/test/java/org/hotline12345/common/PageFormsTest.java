package org.hotline12345.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

class PageFormsTest {

    @Test
    void anyIdFromAPathMakesAValidAddress() {
        assertThat(PageForms.uriSafe("/department/work-orders/<x> y/accept?done=%E5%B7%B2"))
                .isEqualTo("/department/work-orders/%3Cx%3E%20y/accept?done=%E5%B7%B2");
        assertThat(PageForms.uriSafe("/admin/users/王五?done=1")).isEqualTo("/admin/users/%E7%8E%8B%E4%BA%94?done=1");
        assertThat(PageForms.uriSafe("/x/100%?a=%2")).isEqualTo("/x/100%25?a=%252");
        assertThat(PageForms.uriSafe("/x/😀\"{}|^`\\")).isEqualTo("/x/%F0%9F%98%80%22%7B%7D%7C%5E%60%5C");
        for (String id : new String[]{"<x>", " ", "%", "%zz", "a#b", "a?b", "\u00e4", "[]"}) {
            assertThat(URI.create(PageForms.uriSafe("/department/work-orders/" + id + "?done=x"))).isNotNull();
        }
    }

    @Test
    void aFormThatWorkedReturnsToItsPageSayingSo() {
        assertThat(PageForms.act("/department/work-orders/<x>", "已签收", () -> null).getLocation().toString())
                .isEqualTo("/department/work-orders/%3Cx%3E?done=%E5%B7%B2%E7%AD%BE%E6%94%B6");
    }
}
