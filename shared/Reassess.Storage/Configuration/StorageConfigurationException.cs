namespace Reassess.Storage.Configuration;

/// <summary>Storage settings are missing or wrong; the message names the setting and what to put there.</summary>
public sealed class StorageConfigurationException(string message, Exception? inner = null)
    : InvalidOperationException(message, inner);
