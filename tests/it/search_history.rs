//! Search history on disk: kept across sessions, replaced atomically, and a
//! damaged file reported instead of trusted.

use casebook::search::history::{path_in, HistoryError, Recall, SearchHistory, LIMIT};

#[test]
fn history_survives_a_round_trip_through_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = path_in(dir.path());
    let (mut history, problem) = SearchHistory::open(&path);
    assert!(history.is_empty() && problem.is_none(), "no file yet");
    for q in ["nec", "liujun", "“green card” lùka", "nec"] {
        history.push(q);
    }
    history.save(&path).unwrap();
    let again = SearchHistory::load(&path).unwrap();
    assert_eq!(again.entries(), ["nec", "“green card” lùka", "liujun"]);
    assert_eq!(again, history);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != "search-history.txt")
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");

    // Up, Up, Down, Down in the next session.
    let mut recall = Recall::default();
    assert_eq!(recall.older(&again, "po").as_deref(), Some("nec"));
    assert_eq!(
        recall.older(&again, "nec").as_deref(),
        Some("“green card” lùka")
    );
    assert_eq!(recall.newer(&again).as_deref(), Some("nec"));
    assert_eq!(recall.newer(&again).as_deref(), Some("po"));
}

#[test]
fn history_is_bounded_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = path_in(dir.path());
    let many: String = (0..LIMIT + 20).map(|i| format!("query {i}\n")).collect();
    std::fs::write(&path, many).unwrap();
    let mut history = SearchHistory::load(&path).unwrap();
    assert_eq!(history.len(), LIMIT);
    assert_eq!(history.get(0), Some("query 0"));
    history.push("newest");
    history.save(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.lines().count(), LIMIT);
    assert!(text.starts_with("newest\n"));
}

#[test]
fn a_damaged_history_is_reported_and_kept_aside_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let path = path_in(dir.path());
    std::fs::write(&path, b"nec\nbroken \x1b[2J\n").unwrap();
    match SearchHistory::load(&path) {
        Err(HistoryError::Damaged { line, .. }) => assert_eq!(line, 2),
        other => panic!("expected a damaged file, got {other:?}"),
    }
    let (history, problem) = SearchHistory::open(&path);
    assert!(history.is_empty());
    let problem = problem.expect("the damage is reported");
    assert!(problem.contains("damaged"), "{problem}");
    assert!(!path.exists(), "the damaged file was moved aside");
    let aside = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(aside, 1, "the damaged file is kept for recovery by hand");

    std::fs::write(&path, [b'o', b'k', b'\n', 0xff, 0xfe]).unwrap();
    assert!(matches!(
        SearchHistory::load(&path),
        Err(HistoryError::Damaged { line: 2, .. })
    ));
}
