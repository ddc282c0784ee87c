namespace Depeche.Ingestion.Text;

/// <summary>An input that cannot become a document, with a message fit for the user (what and where).</summary>
public sealed class InputException(string message) : Exception(message);
