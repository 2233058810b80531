package dev.policywatch.crawler.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which links of a page are its attachments, and what they are called. */
class AttachmentLinksTest {

    private static final URI PAGE = URI.create("https://www.tc260.org.cn/portal/suggestion-detail/3bb57023c00a464faf4c2f7b9a5524c7");

    @Test
    void aLinkWhoseTextNamesTheFileIsAnAttachmentEvenWhenItsUrlDoesNot() {
        // the TC260 draft page's structure (SITES.md): extension-less download links named by their text
        String html = """
                <html><body><nav><a href="/app/download">客户端下载.apk</a></nav>
                <div class="advice-c"><div class="info"><p>各相关单位和专家：</p></div>
                <div class="list"><ul>
                <li><label>征求意见稿：</label><a href="/sysFile/downloadFile/e83fb6ca44834427bb498c5a090d33d4">《数据安全技术 示例要求》标准征求意见稿文本.pdf</a></li>
                <li><label>编制说明：</label><a href="/sysFile/downloadFile/7381e1e3bff5405ab6dfc1eb943abc9e" title="《数据安全技术 示例要求》标准编制说明.docx">编制说明</a></li>
                <li><a href="/portal/suggestion">返回列表</a></li>
                <li><a href="/files/form.doc">意见反馈表</a></li>
                </ul></div></div></body></html>""";

        List<AttachmentLinks.Attachment> found = new AttachmentLinks().find(html.getBytes(StandardCharsets.UTF_8),
                "text/html; charset=utf-8", PAGE, List.of(), 10);

        assertThat(found).extracting(a -> a.url().getPath()).containsExactly(
                "/sysFile/downloadFile/e83fb6ca44834427bb498c5a090d33d4",
                "/sysFile/downloadFile/7381e1e3bff5405ab6dfc1eb943abc9e", "/files/form.doc");
        assertThat(found).extracting(AttachmentLinks.Attachment::title).containsExactly(
                "《数据安全技术 示例要求》标准征求意见稿文本", "编制说明", "意见反馈表");
    }
}
