using System.Collections.Generic;
using static SurveyKit.Core.Diagnostics.DiagnosticSeverity;

namespace SurveyKit.Core.Diagnostics;

/// <summary>
/// The catalogue of every diagnostic SurveyKit reports. Ids are stable: a retired id is never reused.
/// Each entry has an example in docs/diagnostics.md, and that document is run as a test.
/// Ranges: 0001-0009 the YAML file, 0010-0019 structure, 0020-0029 texts, 0030-0039 questions,
/// 0040-0049 show_if, 0050-0059 analysis, 0080-0089 files and workspaces, 9999 internal.
/// </summary>
public static class DiagnosticDescriptors
{
    // The YAML file itself.
    public static readonly DiagnosticDescriptor YamlSyntax = new(
        "SK0001",
        "YAML syntax error",
        Error,
        "YAML syntax error: {0}"
    );
    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "SK0002",
        "Duplicate key",
        Error,
        "Duplicate key '{0}'; it is already set at line {1}. Remove one of the two."
    );
    public static readonly DiagnosticDescriptor TabIndentation = new(
        "SK0003",
        "Tab in indentation",
        Error,
        "Tab character in the indentation; YAML indents with spaces only. Replace the tab with spaces."
    );
    public static readonly DiagnosticDescriptor InvalidEncoding = new(
        "SK0004",
        "Not UTF-8",
        Error,
        "The file is not valid UTF-8 (byte 0x{0}); save it as UTF-8."
    );
    public static readonly DiagnosticDescriptor FileTooLarge = new(
        "SK0005",
        "File too large",
        Error,
        "The file is {0} bytes; a survey file may be at most {1} bytes. Split it into several surveys."
    );
    public static readonly DiagnosticDescriptor NestingTooDeep = new(
        "SK0006",
        "Nesting too deep",
        Error,
        "Nesting deeper than {0} levels; a survey never needs this. Check the indentation and the brackets."
    );
    public static readonly DiagnosticDescriptor AliasExpansionTooLarge = new(
        "SK0007",
        "Aliases expand too far",
        Error,
        "Aliases here expand to more than {0} nodes; write the repeated part out or use fewer aliases."
    );
    public static readonly DiagnosticDescriptor MultipleDocuments = new(
        "SK0008",
        "More than one document",
        Error,
        "A survey file holds one YAML document; move the document that starts here into a file of its own."
    );
    public static readonly DiagnosticDescriptor EmptyDocument = new(
        "SK0009",
        "Empty file",
        Error,
        "The file holds no survey. A survey starts with 'survey: <id>'; 'surveykit new <id>' writes a starter."
    );

    // Structure: keys, kinds of node, values and ids.
    public static readonly DiagnosticDescriptor UnknownKey = new(
        "SK0010",
        "Unknown key",
        Error,
        "Unknown key '{0}' in {1}.{2}"
    );
    public static readonly DiagnosticDescriptor MissingKey = new(
        "SK0011",
        "Missing key",
        Error,
        "{0} needs '{1}'.{2}"
    );
    public static readonly DiagnosticDescriptor WrongNodeKind = new(
        "SK0012",
        "Wrong kind of value",
        Error,
        "'{0}' in {1} must be {2}, not {3}."
    );
    public static readonly DiagnosticDescriptor InvalidValue = new(
        "SK0013",
        "Invalid value",
        Error,
        "'{0}' in {1} must be {2}; '{3}' is not.{4}"
    );
    public static readonly DiagnosticDescriptor InvalidId = new(
        "SK0014",
        "Invalid id",
        Error,
        "'{0}' is not a valid id: {1}.{2}"
    );
    public static readonly DiagnosticDescriptor DuplicateId = new(
        "SK0015",
        "Duplicate id",
        Error,
        "The id '{0}' is already used by {1} at line {2}; ids must be unique {3}."
    );
    public static readonly DiagnosticDescriptor UnknownQuestionType = new(
        "SK0016",
        "Unknown question type",
        Error,
        "Unknown question type '{0}'.{1} The types are: {2}."
    );
    public static readonly DiagnosticDescriptor KeyNotForType = new(
        "SK0017",
        "Key does not apply to this type",
        Error,
        "'{0}' does not apply to {1} question; it belongs to {2}."
    );
    public static readonly DiagnosticDescriptor PagesAndQuestions = new(
        "SK0018",
        "Pages and questions",
        Error,
        "A survey lists either 'pages' or 'questions', not both; move these questions into a page."
    );
    public static readonly DiagnosticDescriptor NoQuestions = new(
        "SK0019",
        "No questions",
        Error,
        "{0} has no questions; add at least one."
    );

    // Texts and languages.
    public static readonly DiagnosticDescriptor MissingTranslation = new(
        "SK0020",
        "Missing translation",
        Error,
        "{0} has no '{1}' text; every text needs each of the survey's languages ({2})."
    );
    public static readonly DiagnosticDescriptor UnknownTextLanguage = new(
        "SK0021",
        "Text in an undeclared language",
        Error,
        "{0} has a '{1}' text, but '{1}' is not one of the survey's languages ({2}).{3}"
    );
    public static readonly DiagnosticDescriptor InvalidLanguage = new(
        "SK0022",
        "Invalid language code",
        Error,
        "'{0}' is not a language code; use a code such as nl, en, de or fr-BE."
    );
    public static readonly DiagnosticDescriptor SingleTextInMultilingualSurvey = new(
        "SK0023",
        "One text for several languages",
        Error,
        "{0} is a single text, but the survey is in {1}: give one text per language, as in {{ {2} }}."
    );
    public static readonly DiagnosticDescriptor EmptyText = new(
        "SK0024",
        "Empty text",
        Error,
        "{0} is empty{1}."
    );
    public static readonly DiagnosticDescriptor RawHtml = new(
        "SK0025",
        "Raw HTML in Markdown",
        Warning,
        "{0} contains raw HTML ('{1}'); survey pages show Markdown without HTML, so it appears as text. Use Markdown instead."
    );
    public static readonly DiagnosticDescriptor UnsafeLink = new(
        "SK0026",
        "Link scheme not allowed",
        Error,
        "{0} links to '{1}'; only http, https and mailto links are allowed."
    );
    public static readonly DiagnosticDescriptor DuplicateLanguage = new(
        "SK0027",
        "Language listed twice",
        Error,
        "The language '{0}' is listed twice in 'languages'."
    );

    // Question types.
    public static readonly DiagnosticDescriptor InvalidScale = new(
        "SK0030",
        "Invalid scale",
        Error,
        "The scale of {0} runs from {1} to {2}; {3}."
    );
    public static readonly DiagnosticDescriptor LabelOutsideScale = new(
        "SK0031",
        "Label outside the scale",
        Error,
        "Label {0} of {1} is outside its scale {2}..{3}."
    );
    public static readonly DiagnosticDescriptor TooFewOptions = new(
        "SK0032",
        "Too few options",
        Error,
        "{0} has {1}; a choice question needs at least 2."
    );
    public static readonly DiagnosticDescriptor InvalidChoiceLimits = new(
        "SK0033",
        "Invalid min or max",
        Error,
        "{0}: {1}."
    );
    public static readonly DiagnosticDescriptor NoTouchpointItems = new(
        "SK0034",
        "No touchpoint items",
        Error,
        "{0} has no items; list the touchpoints to grade under 'items'."
    );

    // show_if expressions.
    public static readonly DiagnosticDescriptor ExpressionSyntax = new(
        "SK0040",
        "show_if syntax error",
        Error,
        "{0}: {1}"
    );
    public static readonly DiagnosticDescriptor UnknownReference = new(
        "SK0041",
        "Unknown reference",
        Error,
        "{0} uses '{1}', which is not a question, touchpoint item or context field.{2}"
    );
    public static readonly DiagnosticDescriptor ForwardReference = new(
        "SK0042",
        "Forward reference",
        Error,
        "{0} uses '{1}', {2}; a condition can only use answers given before it."
    );
    public static readonly DiagnosticDescriptor TypeMismatch = new(
        "SK0043",
        "Type mismatch",
        Error,
        "{0}: {1}"
    );
    public static readonly DiagnosticDescriptor UnknownOption = new(
        "SK0044",
        "Unknown option",
        Error,
        "{0}: '{1}' is not an option of '{2}'.{3} Its options are: {4}."
    );
    public static readonly DiagnosticDescriptor NotACondition = new(
        "SK0045",
        "Not a condition",
        Error,
        "{0}: {1} is not a condition.{2}"
    );
    public static readonly DiagnosticDescriptor NeverTrue = new(
        "SK0046",
        "Condition never true",
        Warning,
        "{0} can never be true ({1}), so {2}."
    );
    public static readonly DiagnosticDescriptor UnknownFunction = new(
        "SK0047",
        "Unknown function",
        Error,
        "{0}: unknown function '{1}'.{2} The functions are answered(x), contains(x, 'option') and count(x)."
    );
    public static readonly DiagnosticDescriptor WrongArguments = new(
        "SK0048",
        "Wrong function arguments",
        Error,
        "{0}: {1}"
    );
    public static readonly DiagnosticDescriptor ConditionTooLarge = new(
        "SK0049",
        "Condition too large",
        Error,
        "{0}: {1}"
    );

    // The analysis section.
    public static readonly DiagnosticDescriptor AnalysisUnknownReference = new(
        "SK0050",
        "Analysis refers to nothing",
        Error,
        "analysis.{0} refers to '{1}', which is not in the survey.{2}"
    );
    public static readonly DiagnosticDescriptor AnalysisWrongType = new(
        "SK0051",
        "Analysis refers to the wrong kind of question",
        Error,
        "analysis.{0} must name {1}; '{2}' is {3}."
    );
    public static readonly DiagnosticDescriptor InvalidWeights = new(
        "SK0052",
        "Invalid weights",
        Error,
        "analysis.weights.{0}: {1}."
    );
    public static readonly DiagnosticDescriptor InvalidRiskSignal = new(
        "SK0053",
        "Invalid risk signal",
        Error,
        "analysis.risk_signal: {0}."
    );
    public static readonly DiagnosticDescriptor InvalidPipe = new(
        "SK0055",
        "Invalid answer in a text",
        Error,
        "{0}: {1}."
    );
    public static readonly DiagnosticDescriptor InvalidTheme = new(
        "SK0054",
        "Invalid theme",
        Error,
        "analysis.themes: {0}."
    );

    // Alerts.
    public static readonly DiagnosticDescriptor InvalidAlert = new(
        "SK0060",
        "Invalid alert",
        Error,
        "Alert '{0}': {1}"
    );
    public static readonly DiagnosticDescriptor AlertWithoutConsent = new(
        "SK0061",
        "Personal data in an alert without consent",
        Error,
        "Alert '{0}' would send personal data ({1}) without consent: {2}."
    );

    // Files and workspaces.
    public static readonly DiagnosticDescriptor NoSurveysFound = new(
        "SK0080",
        "No surveys found",
        Warning,
        "No survey file matches '{0}'; survey files end in .survey.yaml."
    );
    public static readonly DiagnosticDescriptor DuplicateSurveyId = new(
        "SK0081",
        "Survey id used twice",
        Error,
        "The survey id '{0}' is also used by {1}; survey ids must be unique in a workspace."
    );
    public static readonly DiagnosticDescriptor FileNameMismatch = new(
        "SK0082",
        "File name does not match the survey id",
        Warning,
        "The file is named '{0}' but the survey id is '{1}'; name it '{1}.survey.yaml' so people and tools find it."
    );
    public static readonly DiagnosticDescriptor FileNotFound = new(
        "SK0083",
        "File not found",
        Error,
        "'{0}' does not exist."
    );
    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "SK0084",
        "File cannot be read",
        Error,
        "'{0}' cannot be read: {1}"
    );
    public static readonly DiagnosticDescriptor TooManyNodes = new(
        "SK0086",
        "Too many YAML values",
        Error,
        "The file holds more than {0} YAML values (keys, texts, list items); a survey needs a few thousand. Split it into several surveys."
    );
    public static readonly DiagnosticDescriptor RenamedFromItself = new(
        "SK0087",
        "Renamed from itself",
        Error,
        "{0} is renamed_from '{1}', its own id. renamed_from names the ids it had in earlier versions; leave this one out."
    );
    public static readonly DiagnosticDescriptor ChangedWithoutVersion = new(
        "SK0088",
        "Changed without a new version",
        Error,
        "{0} {1} since version {2} was committed, which changes what an answer means; raise 'version' to {3}."
    );
    public static readonly DiagnosticDescriptor RenamedFromUnknown = new(
        "SK0089",
        "Renamed from an unknown id",
        Error,
        "{0} is renamed_from '{1}', but no earlier version ({2}) has {3} '{1}'.{4}"
    );
    public static readonly DiagnosticDescriptor LooksRenamed = new(
        "SK0090",
        "Looks renamed",
        Warning,
        "{0} is new in this version and is just like '{1}' of version {2}, which is gone. If it was renamed, add renamed_from: {1}, so answers given under '{1}' count for it."
    );
    public static readonly DiagnosticDescriptor TemplateError = new(
        "SK0085",
        "Template error",
        Error,
        "The site template cannot be used: {0}"
    );

    public static readonly DiagnosticDescriptor InternalError = new(
        "SK9999",
        "Internal error",
        Error,
        "SurveyKit failed on this file ({0}). This is a bug in SurveyKit: please report it with the file."
    );

    /// <summary>Every descriptor, in id order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        YamlSyntax,
        DuplicateKey,
        TabIndentation,
        InvalidEncoding,
        FileTooLarge,
        NestingTooDeep,
        AliasExpansionTooLarge,
        MultipleDocuments,
        EmptyDocument,
        UnknownKey,
        MissingKey,
        WrongNodeKind,
        InvalidValue,
        InvalidId,
        DuplicateId,
        UnknownQuestionType,
        KeyNotForType,
        PagesAndQuestions,
        NoQuestions,
        MissingTranslation,
        UnknownTextLanguage,
        InvalidLanguage,
        SingleTextInMultilingualSurvey,
        EmptyText,
        RawHtml,
        UnsafeLink,
        DuplicateLanguage,
        InvalidScale,
        LabelOutsideScale,
        TooFewOptions,
        InvalidChoiceLimits,
        NoTouchpointItems,
        ExpressionSyntax,
        UnknownReference,
        ForwardReference,
        TypeMismatch,
        UnknownOption,
        NotACondition,
        NeverTrue,
        UnknownFunction,
        WrongArguments,
        ConditionTooLarge,
        AnalysisUnknownReference,
        AnalysisWrongType,
        InvalidWeights,
        InvalidRiskSignal,
        InvalidTheme,
        InvalidPipe,
        InvalidAlert,
        AlertWithoutConsent,
        NoSurveysFound,
        DuplicateSurveyId,
        FileNameMismatch,
        FileNotFound,
        FileUnreadable,
        TemplateError,
        TooManyNodes,
        RenamedFromItself,
        ChangedWithoutVersion,
        RenamedFromUnknown,
        LooksRenamed,
        InternalError,
    ];
}
