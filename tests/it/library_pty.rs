//! The library in the reader, as a new user meets it in a real terminal:
//! two imported case studies sharing a firm, the library view, the firm's
//! card across case studies, the jump list across them, and a search of
//! the whole library.

use std::path::Path;

use crate::support::cli::run;
use crate::support::pty::Session;

/// Two short papers as PDF text extraction gives them; both name the firm.
const SHENYANG: &str = "Software Clusters in Shenyang\n\nA. Author\n\n\
1. Origins\n\n\
Neusoft Group grew out of a university laboratory in Shenyang during the \
early nineteen-nineties, when the city sought new industries.\n\n\
2. Growth\n\n\
Later the firm opened a campus beside the software park of Dalian and \
hired graduates from across the region.\n";

const HSINCHU: &str = "The Science Park of Hsinchu\n\nB. Author\n\n\
1. The park\n\n\
The science park of Hsinchu hosts many foreign firms; Neusoft Group rents \
a small office there for its design teams.\n";

fn import(dir: &Path, name: &str, text: &str) {
    let file = dir.join(name);
    std::fs::write(&file, text).unwrap();
    let out = run(dir, &["import", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The user confirms the firm in each case study's catalogue, by one id.
fn confirm_firm(folder: &Path) {
    std::fs::write(
        folder.join("entities.toml"),
        "[[entity]]\nid = \"neusoft\"\nkind = \"firm\"\nname = \"Neusoft Group\"\n",
    )
    .unwrap();
}

#[test]
fn open_a_firm_across_case_studies_come_back_and_search_the_library() {
    let dir = tempfile::tempdir().unwrap();
    import(dir.path(), "shenyang.txt", SHENYANG);
    import(dir.path(), "hsinchu.txt", HSINCHU);
    let library = dir.path().join("data/library");
    confirm_firm(&library.join("shenyang"));
    confirm_firm(&library.join("hsinchu"));

    // Nothing read yet and a library to choose from: the library view.
    let mut s = Session::start(&[], 100, 30, dir.path(), &[]);
    let view = s.wait_text("Library (3 of 3");
    assert!(view.contains("Software Clusters in Shenyang"), "{view}");
    assert!(view.contains("The Science Park of Hsinchu"), "{view}");
    s.send("shenyang");
    s.wait_text("Library (1 of 3");
    s.send("\r");
    s.wait_for("the Shenyang paper", |sc| {
        sc.contains("Software Clusters in Shenyang") && !sc.contains("Library (")
    });

    // The firm's card lists the other case study's mention; Enter opens it.
    s.send("e");
    s.wait_text("Entities (");
    s.send("Neusoft\r");
    let card = s.wait_text("In other case studies of the library");
    assert!(card.contains("The Science Park of Hsinchu"), "{card}");
    assert!(
        card.contains("Neusoft Group rents a small"),
        "the words around it: {card}"
    );
    s.send("G\r");
    s.wait_for("the Hsinchu paper", |sc| {
        sc.contains("The Science Park of Hsinchu") && sc.contains("rents")
    });

    // Back across case studies with the jump list, and forward again.
    s.send("\x0f");
    s.wait_for("back in Shenyang", |sc| {
        sc.contains("Software Clusters in Shenyang") && !sc.contains("rents")
    });
    s.send("\x0c");
    s.wait_for("forward in Hsinchu", |sc| sc.contains("rents"));
    s.send("\x0f");
    s.wait_for("back in Shenyang", |sc| !sc.contains("rents"));

    // Search the whole library and land in the other case study.
    s.send("/");
    s.wait_text("Search (");
    s.send("\t");
    s.wait_text("Search the library");
    s.send("design teams");
    let hits = s.wait_for("library hits", |sc| {
        sc.contains("design teams") && sc.contains("Hsinchu")
    });
    assert!(!hits.contains("No hits"), "{hits}");
    s.send("\r");
    s.wait_for("the Hsinchu paper again", |sc| {
        sc.contains("rents") && !sc.contains("Search the library")
    });
    s.send("q");
    assert_eq!(s.wait_exit(), 0);

    // The case study read last is where the next start opens.
    let mut again = Session::start(&[], 100, 30, dir.path(), &[]);
    again.wait_for("the Hsinchu paper", |sc| {
        sc.contains("rents") && !sc.contains("Library (")
    });
    again.send("q");
    assert_eq!(again.wait_exit(), 0);
}
