using System.Text;

namespace SurveyKit.Core.Text;

/// <summary>
/// How survey ids become C# names: klantloyaliteit -> Klantloyaliteit, contact_ok -> ContactOk, b2b -> B2b. The
/// generator names its types with it, and <c>surveykit build</c> writes analysis projects that use those names.
/// </summary>
public static class CSharpNames
{
    /// <summary>PascalCase from an id whose parts are separated by '_', '-', '.' or a space.</summary>
    public static string Pascal(string id)
    {
        var builder = new StringBuilder(id.Length);
        var upper = true;
        foreach (var c in id)
        {
            if (c is '_' or '-' or '.' or ' ')
            {
                upper = true;
                continue;
            }
            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        var name = builder.ToString();
        if (name.Length == 0 || !char.IsLetter(name[0]))
        {
            name = "N" + name;
        }
        return name;
    }
}
