using System.IO;
using System.Linq;
using SurveyKit.Core.Responses;

namespace SurveyKit.Core.Tests.Responses;

public class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-5", "-5")]
    [InlineData("- too slow", "\"'- too slow\"")]
    [InlineData("@home", "\"'@home\"")]
    [InlineData("'=x", "\"''=x\"")]
    [InlineData("\t=cmd", "\"'\t=cmd\"")] // OWASP: a leading tab or carriage return starts a formula too
    [InlineData("\r=cmd", "\"'\r=cmd\"")]
    [InlineData("\t5", "\"'\t5\"")]
    [InlineData("+31 6 1234", "\"'+31 6 1234\"")]
    [InlineData("+3.5", "+3.5")]
    [InlineData("", "")]
    public void Fields_are_escaped_for_spreadsheets(string field, string escaped)
    {
        Assert.Equal(escaped, Csv.Escape(field));
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("a,b")]
    [InlineData("say \"hi\"")]
    [InlineData("two\nlines\r\nthree")]
    [InlineData("=1+1")]
    [InlineData("'=x")]
    [InlineData("''")]
    [InlineData("-5")]
    [InlineData("\t=cmd")]
    [InlineData("\r\n=x")]
    [InlineData("'\t")]
    public void Every_field_reads_back_as_written(string field)
    {
        var line = Csv.Escape(field) + "," + Csv.Escape("next") + "\n";
        var record = Assert.Single(Csv.Read(new StringReader(line)));
        Assert.Equal([field.Replace("\r\n", "\r\n"), "next"], record.Fields);
    }

    [Fact]
    public void Records_know_the_line_they_start_on()
    {
        var text = "a,b\r\n\"multi\nline\",c\nlast,\n";
        var records = Csv.Read(new StringReader(text)).ToList();
        Assert.Equal([1L, 2L, 4L], records.Select(r => r.Line));
        Assert.Equal(["last", ""], records[2].Fields);
    }

    [Fact]
    public void A_last_record_without_a_line_break_is_read()
    {
        var records = Csv.Read(new StringReader("a,b\nc,d")).ToList();
        Assert.Equal(["c", "d"], records[1].Fields);
    }
}
