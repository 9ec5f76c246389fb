using System.Text;

// netstandard2.0 has no DefaultInterpolatedStringHandler, so every $"..." in the emitter would become a string.Format
// call that parses its format string and boxes its arguments. Declaring the handler here lets the compiler lower
// interpolations to plain appends, which halves the generator's emit time (see bench/SurveyKit.Benchmarks.Generation).
namespace System.Runtime.CompilerServices
{
    [AttributeUsage(
        AttributeTargets.Class | AttributeTargets.Struct,
        AllowMultiple = false,
        Inherited = false
    )]
    internal sealed class InterpolatedStringHandlerAttribute : Attribute { }

    // Lets SourceWriter.Line take its interpolated line as a handler that appends to the writer itself.
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    internal sealed class InterpolatedStringHandlerArgumentAttribute : Attribute
    {
        public InterpolatedStringHandlerArgumentAttribute(string argument) =>
            Arguments = [argument];

        public string[] Arguments { get; }
    }

    [InterpolatedStringHandler]
    internal struct DefaultInterpolatedStringHandler
    {
        [ThreadStatic]
        private static StringBuilder? s_cached;

        private readonly StringBuilder _builder;

        public DefaultInterpolatedStringHandler(int literalLength, int formattedCount)
        {
            _builder = s_cached ?? new StringBuilder(256);
            s_cached = null;
            _builder.Clear();
        }

        public readonly void AppendLiteral(string value) => _builder.Append(value);

        public readonly void AppendFormatted<T>(T value) =>
            _builder.Append(SurveyKit.Generators.Emit.Naming.Invariant(value, null));

        public readonly void AppendFormatted<T>(T value, string? format) =>
            _builder.Append(SurveyKit.Generators.Emit.Naming.Invariant(value, format));

        public readonly void AppendFormatted(string? value) => _builder.Append(value);

        public string ToStringAndClear()
        {
            var text = _builder.ToString();
            s_cached = _builder;
            return text;
        }

        public override readonly string ToString() => _builder.ToString();
    }
}
