//! The smallest typst `World` that sets the report: one source file, a few virtual files held
//! in memory, and only the shipped Inter faces. It reads no disk, no network and no system
//! fonts, so the report comes out the same on every machine.

use crate::fonts;
use std::collections::HashMap;
use std::sync::LazyLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// What every report shares: the standard library and the fonts, made once per process.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = [fonts::INTER, fonts::INTER_SEMIBOLD]
        .into_iter()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    Shared {
        library: LazyHash::new(Library::builder().build()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// The id of a file at `path` in the report's virtual project.
pub fn file_id(path: &str) -> Result<FileId, String> {
    VirtualPath::new(path)
        .map(|vpath| RootedPath::new(VirtualRoot::Project, vpath).intern())
        .map_err(|e| format!("bad virtual path {path}: {e:?}"))
}

/// A report's world: the template as the main source, and the files it may read.
pub struct ReportWorld {
    main: Source,
    files: HashMap<FileId, Bytes>,
}

impl ReportWorld {
    /// A world whose main file is `template`, at `/report.typ`.
    pub fn new(template: &str) -> Result<Self, String> {
        Ok(Self {
            main: Source::new(file_id("/report.typ")?, template.to_owned()),
            files: HashMap::new(),
        })
    }

    /// Makes `bytes` readable by the template at `path` (`/data.json`).
    pub fn add_file(&mut self, path: &str, bytes: Vec<u8>) -> Result<(), String> {
        self.files.insert(file_id(path)?, Bytes::new(bytes));
        Ok(())
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &SHARED.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &SHARED.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.text().to_owned()));
        }
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        SHARED.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}
