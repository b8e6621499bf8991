/// The data package in the repository's `data/` folder, compiled into the binary
/// by `EmbedDataPlugin`, so `crossings` finds it from any working directory.
///
/// ```swift
/// let text = BundledData.files["datapackage.json"]
/// ```
public enum BundledData {
    /// File name (no directory) → file text, for every `.csv` and `.json` in `data/`.
    public static var files: [String: String] { embeddedFiles }
}
