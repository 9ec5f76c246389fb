using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SurveyKit.Core.Model;
using SurveyKit.Rendering.Html;
using SurveyKit.Site.Html;
using SurveyKit.Site.Texts;

namespace SurveyKit.Site.Views;

/// <summary>
/// Turns a question into what its template shows, in one language: escaped texts, the scale's points, and the
/// data attributes that carry the rules and messages to surveykit.js (the same rules as Core's ResponseValidator).
/// </summary>
internal sealed class QuestionViews(string lang, Survey? survey = null)
{
    public QuestionView Build(Question question)
    {
        var view = new QuestionView
        {
            Id = question.Id,
            Type = question.Type.ToYamlName(),
            Text = Piped(question.Text[lang], Escape),
            HelpHtml = question.Help is null ? "" : Piped(question.Help[lang], SafeMarkdown.ToHtml),
            Optional = !question.Required,
            Conditional = question.ShowIf is not null,
        };
        var data = new DataAttributes(question);
        if (question is NpsQuestion or RatingQuestion)
        {
            data.Message("required", Ui("required"));
        }
        view = question switch
        {
            NpsQuestion nps => Scale(
                view,
                NpsQuestion.Scale,
                [
                    new ScaleLabel(0, nps.LowLabel ?? Default("nps.low")),
                    new ScaleLabel(10, nps.HighLabel ?? Default("nps.high")),
                ],
                null
            ),
            RatingQuestion rating => Scale(view, rating.Scale, rating.Labels, rating.NotApplicable),
            TouchpointsQuestion touchpoints => Touchpoints(view, touchpoints, data),
            ChoiceQuestion choice => Choice(view, choice, data),
            TextQuestion text => TextField(view, text, data),
            NumberQuestion number => NumberField(view, number, data),
            EmailQuestion => Email(view, data),
            _ => Consent(view, data),
        };
        return view with { Data = data.ToString() };
    }

    private QuestionView Scale(
        QuestionView view,
        Scale scale,
        IEnumerable<ScaleLabel> labels,
        LocalizedText? notApplicable
    )
    {
        var byValue = labels.ToDictionary(l => l.Value, l => l.Text[lang]);
        var points = new List<PointView>();
        // On a narrow screen a long scale takes two rows; the second starts after the first half (rounded up).
        var half = (scale.Points + 1) / 2;
        for (var value = scale.Min; value <= scale.Max; value++)
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            points.Add(
                new PointView(
                    text,
                    text,
                    byValue.TryGetValue(value, out var label) ? Escape(label) : "",
                    value - scale.Min == half
                )
            );
        }
        var low = byValue.GetValueOrDefault(scale.Min);
        var high = byValue.GetValueOrDefault(scale.Max);
        var hint =
            low is not null && high is not null
                ? UiTexts.Format(lang, "scale_hint", scale.Min, low, scale.Max, high)
                : "";
        return view with
        {
            Points = points,
            LowLabel = low is null || high is null ? "" : Escape(low),
            HighLabel = low is null || high is null ? "" : Escape(high),
            Hint = Escape(hint),
            NotApplicable = notApplicable is null ? "" : Text(notApplicable),
        };
    }

    private QuestionView Touchpoints(
        QuestionView view,
        TouchpointsQuestion question,
        DataAttributes data
    )
    {
        data.Message("required", Ui("required_grade"));
        view = Scale(
            view,
            question.Scale,
            question.Labels,
            question.NotApplicable ?? Default("not_applicable")
        );
        return view with
        {
            Items = question
                .Items.Select(i => new ItemView(i.Id, Text(i.Label), i.ShowIf is not null))
                .ToList(),
            Compare = question.Compare is null ? "" : Text(question.Compare),
            CompareOptions = question.Compare is null
                ? []
                : Core
                    .Responses.AnswerValues.Comparisons.Select(c => new OptionView(
                        c,
                        Escape(Default("compare." + c)[lang])
                    ))
                    .ToList(),
        };
    }

    private QuestionView Choice(QuestionView view, ChoiceQuestion question, DataAttributes data)
    {
        var hint = "";
        if (question is MultiChoiceQuestion multi)
        {
            if (multi.Min is { } min)
            {
                data.Add("cmin", min).Message("count-min", UiTexts.Format(lang, "count_min", min));
            }
            if (multi.Max is { } max)
            {
                data.Add("cmax", max).Message("count-max", UiTexts.Format(lang, "count_max", max));
                hint = UiTexts.Format(lang, "count_max", max);
            }
        }
        data.Message("required", Ui("required"));
        return view with
        {
            Options = question.Options.Select(o => new OptionView(o.Id, Text(o.Label))).ToList(),
            Other = question.Other is null ? "" : Text(question.Other),
            OtherText = Escape(Ui("other_text")),
            Randomize = question.Randomize,
            Hint = Escape(hint),
        };
    }

    private QuestionView TextField(QuestionView view, TextQuestion question, DataAttributes data)
    {
        data.Add("maxlength", question.MaxLength)
            .Message("length", UiTexts.Format(lang, "length", question.MaxLength))
            .Message("left", Ui("chars_left"))
            .Message("over", Ui("chars_over"))
            .Message("required", Ui("required_text"));
        return view with
        {
            Multiline = question.Multiline,
            Hint = Escape(UiTexts.Format(lang, "up_to", question.MaxLength)),
        };
    }

    private QuestionView NumberField(
        QuestionView view,
        NumberQuestion question,
        DataAttributes data
    )
    {
        data.Message("required", Ui("required_text")).Message("number", Ui("number"));
        if (question.Integer)
        {
            data.Add("integer", 1).Message("integer", Ui("integer"));
        }
        string? range = (question.Min, question.Max) switch
        {
            ({ } min, { } max) => UiTexts.Format(
                lang,
                "range",
                UiTexts.Number(lang, min),
                UiTexts.Number(lang, max)
            ),
            ({ } min, null) => UiTexts.Format(lang, "min", UiTexts.Number(lang, min)),
            (null, { } max) => UiTexts.Format(lang, "max", UiTexts.Number(lang, max)),
            _ => null,
        };
        if (range is not null)
        {
            if (question.Min is { } min)
            {
                data.Add("min", min);
            }
            if (question.Max is { } max)
            {
                data.Add("max", max);
            }
            data.Message("range", range);
        }
        return view with { InputMode = question.Integer ? "numeric" : "decimal" };
    }

    private QuestionView Email(QuestionView view, DataAttributes data)
    {
        data.Message("required", Ui("required_text")).Message("email", Ui("email"));
        return view;
    }

    private QuestionView Consent(QuestionView view, DataAttributes data)
    {
        data.Message("required", Ui("required"));
        return view with
        {
            Options =
            [
                new OptionView("true", Escape(Ui("yes"))),
                new OptionView("false", Escape(Ui("no"))),
            ],
        };
    }

    private string Ui(string key) => UiTexts.Get(lang, key);

    private string Text(LocalizedText text) => Escape(text[lang]);

    // Answers piped into a text ({recommend|een cijfer}) become a span that shows the fallback (or "…") until the
    // page's script fills in the answer; the rest of the text is rendered as always. A reference is set aside as a
    // private-use marker while the text is escaped or turned from Markdown into HTML, so neither can touch it.
    private string Piped(string text, System.Func<string, string> render)
    {
        var pipes = Core.Text.Piping.Find(text);
        if (pipes.Count == 0)
        {
            return render(text);
        }
        var marked = new StringBuilder(text.Length);
        var at = 0;
        for (var i = 0; i < pipes.Count; i++)
        {
            marked
                .Append(text, at, pipes[i].Index - at)
                .Append('\uE000')
                .Append(i)
                .Append('\uE001');
            at = pipes[i].Index + pipes[i].Length;
        }
        marked.Append(text, at, text.Length - at);
        var html = render(marked.ToString());
        for (var i = 0; i < pipes.Count; i++)
        {
            html = html.Replace(
                "\uE000" + i + "\uE001",
                Span(pipes[i]),
                System.StringComparison.Ordinal
            );
        }
        return html;
    }

    private string Span(Core.Text.Piping.Pipe pipe)
    {
        var fallback = Escape(pipe.Fallback ?? "…");
        var labels = new StringBuilder();
        if (survey?.FindContext(pipe.Id) is { Values.Count: > 0 } field)
        {
            foreach (var value in field.Values)
            {
                if (field.LabelOf(value) is { } label)
                {
                    labels
                        .Append(" data-l-")
                        .Append(Escape(value))
                        .Append("=\"")
                        .Append(Escape(label[lang]))
                        .Append('"');
                }
            }
        }
        return $"<span class=\"sk-pipe\" data-pipe=\"{Escape(pipe.Id)}\" data-fallback=\"{fallback}\"{labels}>{fallback}</span>";
    }

    private static string Escape(string text) => HtmlText.Escape(text);

    private LocalizedText Default(string key) =>
        new(
            new([
                new Translation(lang, DefaultTexts.Get(lang, key) ?? DefaultTexts.Get("en", key)!),
            ]),
            default
        );

    /// <summary>The <c>data-*</c> attributes of a question, escaped.</summary>
    private sealed class DataAttributes
    {
        private readonly StringBuilder builder = new();

        public DataAttributes(Question question)
        {
            if (question.Required)
            {
                builder.Append(" data-required");
            }
            if (question.ShowIf is not null)
            {
                builder.Append(" data-cond");
            }
        }

        public DataAttributes Add(string name, double value)
        {
            builder
                .Append(" data-")
                .Append(name)
                .Append("=\"")
                .Append(value.ToString("R", CultureInfo.InvariantCulture))
                .Append('"');
            return this;
        }

        public DataAttributes Message(string rule, string message)
        {
            builder
                .Append(" data-m-")
                .Append(rule)
                .Append("=\"")
                .Append(HtmlText.Escape(message))
                .Append('"');
            return this;
        }

        public override string ToString() => builder.ToString().TrimStart();
    }
}
