using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace SurveyKit.Collector.Storage;

/// <summary>The ledger's context column as JSON, without reflection.</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
internal sealed partial class LedgerJson : JsonSerializerContext;
