using SurveyKit.Rendering.Html;
using SurveyKit.Site.Html;

namespace SurveyKit.Site.Tests;

public sealed class SafeMarkdownTests
{
    [Theory]
    [InlineData("**bold** and *em*", "<p><strong>bold</strong> and <em>em</em></p>")]
    [InlineData("<b>raw</b>", "<p>&lt;b&gt;raw&lt;/b&gt;</p>")]
    [InlineData(
        "[privacy](https://example.org/privacy)",
        "<p><a href=\"https://example.org/privacy\">privacy</a></p>"
    )]
    [InlineData(
        "[mail us](mailto:cx@example.org)",
        "<p><a href=\"mailto:cx@example.org\">mail us</a></p>"
    )]
    [InlineData("[click](javascript:alert(1))", "<p>click</p>")]
    [InlineData("[data](data:text/html;base64,PHNjcmlwdD4=)", "<p>data</p>")]
    [InlineData("[relative](/somewhere)", "<p>relative</p>")]
    [InlineData("![logo](https://evil.example/logo.png)", "<p>logo</p>")]
    [InlineData(
        "[![logo](https://evil.example/x.png)](https://example.org)",
        "<p><a href=\"https://example.org\">logo</a></p>"
    )]
    [InlineData(
        "<https://example.org>",
        "<p><a href=\"https://example.org\">https://example.org</a></p>"
    )]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>")]
    [InlineData("", "")]
    public void Only_safe_markup_survives(string markdown, string html) =>
        Assert.Equal(html, SafeMarkdown.ToHtml(markdown));

    [Fact]
    public void Text_is_escaped_for_content_and_both_kinds_of_attribute_quotes() =>
        Assert.Equal(
            "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp; é",
            HtmlText.Escape("<a href=\"x\" title='y'>& é")
        );
}
