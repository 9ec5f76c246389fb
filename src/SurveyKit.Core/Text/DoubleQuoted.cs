using System.Globalization;
using System.Text;

namespace SurveyKit.Core.Text;

/// <summary>
/// A string in double quotes with every character that could change its meaning escaped. The escapes used
/// (\" \\ \n \r \t \uXXXX) mean the same in a YAML double-quoted scalar and in a C# string literal, so the canonical
/// YAML writer and the source generator share this one function.
/// </summary>
public static class DoubleQuoted
{
    /// <summary><paramref name="value"/> in double quotes, escaped.</summary>
    public static string Escape(string value) =>
        Append(new StringBuilder(value.Length + 8), value).ToString();

    /// <summary>Appends <paramref name="value"/> in double quotes, escaped, to <paramref name="builder"/>.</summary>
    public static StringBuilder Append(StringBuilder builder, string value)
    {
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    // Control characters, and the line breaks and BOM that YAML or editors treat specially.
                    if (c < ' ' || c is '\u0085' or '\u2028' or '\u2029' or '\uFEFF')
                    {
                        builder
                            .Append("\\u")
                            .Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }
                    break;
            }
        }
        return builder.Append('"');
    }
}
