package org.hotline12345.category;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinInitialsTest {

    @Test
    void givesEachCharactersInitialAndEveryReadingOfAPolyphone() {
        assertThat(PinyinInitials.of("物业服务收费")).isEqualTo("w,y,f,w,s,f");
        assertThat(PinyinInitials.of("银行")).isEqualTo("y,hx");
        assertThat(PinyinInitials.of("城乡建设 / 物业管理")).isEqualTo("c,x,j,s,w,y,g,l");
        assertThat(PinyinInitials.of("5G基站")).isEqualTo("5,g,j,z");
    }
}
