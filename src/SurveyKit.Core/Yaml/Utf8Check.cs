namespace SurveyKit.Core.Yaml;

/// <summary>Finds the first byte that is not valid UTF-8, so the diagnostic can point at it.</summary>
internal static class Utf8Check
{
    /// <summary>The offset of the first invalid byte, or -1 when all of <paramref name="bytes"/> is valid UTF-8.</summary>
    public static int FirstInvalidByte(byte[] bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            int extra;
            int min;
            if (b < 0x80)
            {
                i++;
                continue;
            }
            else if (b >= 0xC2 && b <= 0xDF)
            {
                extra = 1;
                min = 0x80;
            }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                extra = 2;
                min = 0x800;
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                extra = 3;
                min = 0x10000;
            }
            else
            {
                return i;
            }

            if (i + extra >= bytes.Length)
            {
                return i;
            }
            var code = b & (0xFF >> (extra + 2));
            for (var k = 1; k <= extra; k++)
            {
                var c = bytes[i + k];
                if ((c & 0xC0) != 0x80)
                {
                    return i;
                }
                code = (code << 6) | (c & 0x3F);
            }
            // Overlong forms, surrogates and values past U+10FFFF are invalid too.
            if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            {
                return i;
            }
            i += extra + 1;
        }
        return -1;
    }
}
