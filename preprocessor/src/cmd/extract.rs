//! `mdbook-configcheck extract BOOK OUTDIR`.

use std::path::Path;
use std::process::ExitCode;

use mdbook_configcheck::export;

/// Write the deployment's files; exit 2 when the book cannot be read or written out.
pub fn execute(book: &Path, out: &Path) -> ExitCode {
    let result = super::load_config(book).and_then(|config| {
        let outcome = super::check::load_and_check(book)?;
        export::export(&outcome.checked, &config.book.src, out)
    });
    match result {
        Ok(manifest) => {
            let files: usize = manifest.deployments.iter().map(|d| d.files.len()).sum();
            super::print_err(&format!(
                "mdbook-configcheck: wrote {} deployment(s), {files} file(s) and manifest.json to {}\n",
                manifest.deployments.len(),
                out.display()
            ));
            ExitCode::SUCCESS
        }
        Err(error) => {
            super::print_error(&error);
            ExitCode::from(2)
        }
    }
}
