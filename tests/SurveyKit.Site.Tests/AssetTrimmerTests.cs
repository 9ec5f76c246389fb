using System.Text;
using SurveyKit.Rendering.Templates;

namespace SurveyKit.Site.Tests;

/// <summary>
/// The shipped script loses the spaces beside punctuation and its end-of-line comments, never a character of a
/// string or a regular expression; a workspace's own script is only trimmed.
/// </summary>
public class AssetTrimmerTests
{
    private static string Squeezed(string source, bool own = true) =>
        Encoding.UTF8.GetString(AssetTrimmer.Trim("a.js", Encoding.UTF8.GetBytes(source), own));

    [Theory]
    [InlineData("var a = b + c;", "var a=b+c;")]
    [InlineData("if (x) { y(1, 2); } else { z(); }", "if(x){y(1,2);}else{z();}")]
    [InlineData("var s = \"a = b ; // not a comment\";", "var s=\"a = b ; // not a comment\";")]
    [InlineData("var s = 'it\\'s , ok';", "var s='it\\'s , ok';")]
    [InlineData("return /a b[/ ]c/.test(s); // why", "return/a b[/ ]c/.test(s);")]
    [InlineData("x = y.replace(/ +/g, \" \");", "x=y.replace(/ +/g,\" \");")]
    [InlineData("var half = total / 2 / n;", "var half=total/2/n;")]
    [InlineData("var k = a - -b + +c;", "var k=a- -b+ +c;")]
    [InlineData(
        "if (typeof w === \"object\" && n in m) { }",
        "if(typeof w===\"object\"&&n in m){}"
    )]
    public void Own_script_lines_lose_only_meaningless_spaces(string line, string expected) =>
        Assert.Equal(expected + "\n", Squeezed(line));

    [Fact]
    public void A_workspace_script_keeps_its_lines_as_written()
    {
        Assert.Equal(
            "var a = b + c; // kept\n",
            Squeezed("  var a = b + c; // kept\n\n", own: false)
        );
    }

    [Fact]
    public void A_line_that_was_only_a_trailing_comment_goes()
    {
        Assert.Equal("a();\n", Squeezed("a();\n   // gone\n/* gone */\n"));
    }
}
