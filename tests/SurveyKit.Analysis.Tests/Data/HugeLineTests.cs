using System;
using SurveyKit.Analysis.Data;

namespace SurveyKit.Analysis.Tests.Data;

/// <summary>
/// Counts the bytes the whole process allocates while one huge line is read, so it runs alone: another test's
/// allocations would be counted too.
/// </summary>
[Collection(AloneCollection.Name)]
public class HugeLineTests
{
    private static readonly string Good = TestSurveys.JsonLines(
        TestSurveys.Sample(TestSurveys.Klantloyaliteit, 3)
    );

    private static string Line(int index) => Good.Split('\n')[index];

    [Fact]
    public void A_line_of_200_megabytes_costs_no_more_memory_than_a_mebibyte_or_two()
    {
        var start = System.Text.Encoding.UTF8.GetBytes(Line(0) + "\n{\"responseId\":\"");
        var end = System.Text.Encoding.UTF8.GetBytes("\"}\n" + Line(1) + "\n");
        using var stream = new Padded(start, 200L << 20, end);
        var builder = new ResponseTableBuilder(AnalysisPlan.For(TestSurveys.Klantloyaliteit));
        var before = GC.GetTotalAllocatedBytes(precise: true);
        builder.ReadJsonLines(stream, "huge.jsonl");
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var table = builder.Build();
        Assert.Equal((2, 3), (table.Count, table.Read));
        Assert.Equal(2, Assert.Single(table.Rejections).Line);
        Assert.True(allocated < 64L << 20, $"{allocated >> 20} MB allocated");
    }

    /// <summary>A stream of some bytes, then a long run of 'x', then some more: a 200 MB file without the file.</summary>
    private sealed class Padded(byte[] start, long padding, byte[] end) : System.IO.Stream
    {
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => start.Length + padding + end.Length;
        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var written = 0;
            while (written < count && position < Length)
            {
                var at = position;
                int n;
                if (at < start.Length)
                {
                    n = (int)Math.Min(count - written, start.Length - at);
                    start.AsSpan((int)at, n).CopyTo(buffer.AsSpan(offset + written));
                }
                else if (at < start.Length + padding)
                {
                    n = (int)Math.Min(count - written, start.Length + padding - at);
                    buffer.AsSpan(offset + written, n).Fill((byte)'x');
                }
                else
                {
                    var from = (int)(at - start.Length - padding);
                    n = Math.Min(count - written, end.Length - from);
                    end.AsSpan(from, n).CopyTo(buffer.AsSpan(offset + written));
                }
                written += n;
                position += n;
            }
            return written;
        }

        public override void Flush() { }

        public override long Seek(long offset, System.IO.SeekOrigin origin) =>
            throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) =>
            throw new NotSupportedException();
    }
}
