using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SurveyKit.Generators.Emit;

/// <summary>Turns survey ids into C# names: klantloyaliteit -> Klantloyaliteit, contact_ok -> ContactOk, b2b -> B2b.</summary>
internal static class Naming
{
    private static readonly HashSet<string> Keywords =
    [
        "abstract",
        "as",
        "base",
        "bool",
        "break",
        "byte",
        "case",
        "catch",
        "char",
        "checked",
        "class",
        "const",
        "continue",
        "decimal",
        "default",
        "delegate",
        "do",
        "double",
        "else",
        "enum",
        "event",
        "explicit",
        "extern",
        "false",
        "finally",
        "fixed",
        "float",
        "for",
        "foreach",
        "goto",
        "if",
        "implicit",
        "in",
        "int",
        "interface",
        "internal",
        "is",
        "lock",
        "long",
        "namespace",
        "new",
        "null",
        "object",
        "operator",
        "out",
        "override",
        "params",
        "private",
        "protected",
        "public",
        "readonly",
        "ref",
        "return",
        "sbyte",
        "sealed",
        "short",
        "sizeof",
        "stackalloc",
        "static",
        "string",
        "struct",
        "switch",
        "this",
        "throw",
        "true",
        "try",
        "typeof",
        "uint",
        "ulong",
        "unchecked",
        "unsafe",
        "ushort",
        "using",
        "virtual",
        "void",
        "volatile",
        "while",
    ];

    /// <summary>PascalCase from an id (one rule for generated types and scaffolded code: Core's).</summary>
    public static string Pascal(string id) => Core.Text.CSharpNames.Pascal(id);

    /// <summary>A name not in <paramref name="taken"/>: <paramref name="name"/>, else with a suffix, else numbered.</summary>
    public static string Unique(string name, HashSet<string> taken, string suffix)
    {
        var candidate = name;
        if (taken.Contains(candidate))
        {
            candidate = name + suffix;
        }
        for (var i = 2; taken.Contains(candidate); i++)
        {
            candidate = name + suffix + i.ToString(CultureInfo.InvariantCulture);
        }
        taken.Add(candidate);
        return candidate;
    }

    /// <summary>A value as C# source writes it: numbers in the invariant culture, whatever the machine's.</summary>
    public static string? Invariant<T>(T value, string? format) =>
        value is System.IFormattable formattable
            ? formattable.ToString(format, System.Globalization.CultureInfo.InvariantCulture)
            : value?.ToString();

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value) => Core.Text.DoubleQuoted.Escape(value);

    /// <summary>
    /// A C# string literal written straight into a line of the writer (<c>$"... {new Naming.Quoted(text)} ..."</c>):
    /// for long texts, such as the canonical YAML, that would otherwise be escaped into a string of their own.
    /// </summary>
    public readonly struct Quoted(string text)
    {
        public string Text { get; } = text;

        /// <summary>The literal, for an interpolation that goes to a string rather than to the writer.</summary>
        public override string ToString() => Literal(Text);
    }

    /// <summary>Text for an XML doc comment.</summary>
    public static string Xml(string text) =>
        text.Replace("&", "&amp;")
            .Replace("<", "&lt;")
            .Replace(">", "&gt;")
            .Replace("\r", " ")
            .Replace("\n", " ");

    /// <summary>An identifier that is never a keyword.</summary>
    public static string Identifier(string name) => Keywords.Contains(name) ? "@" + name : name;
}
