//! discern opens no network connection, ever: no networking crate in the
//! dependency tree, and no socket in the code.

use std::process::Command;

/// Crates whose purpose is to talk over a network.
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "ureq",
    "curl",
    "isahc",
    "surf",
    "attohttpc",
    "h2",
    "h3",
    "quinn",
    "tokio",
    "async-std",
    "socket2",
    "rustls",
    "native-tls",
    "openssl",
    "tungstenite",
    "tokio-tungstenite",
    "tonic",
    "trust-dns-resolver",
    "hickory-resolver",
    "url",
    "http",
    "sentry",
    "opentelemetry",
];

#[test]
fn no_networking_crate_is_in_the_dependency_tree() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["tree", "--offline", "-e", "normal,build", "--prefix", "none", "-f", "{p} [{f}]"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tree = String::from_utf8_lossy(&out.stdout);
    assert!(tree.contains("ratatui"), "the tree was read: {tree}");
    for line in tree.lines() {
        let name = line.split_whitespace().next().unwrap_or("");
        assert!(!NETWORK_CRATES.contains(&name), "a networking crate is in the tree: {line}");
    }
}

#[test]
fn the_code_opens_no_socket() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut stack = vec![root.join("src"), root.join("crates")];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                // mio comes with crossterm, which reads the terminal with it
                // (its local socket pair carries signals); discern never uses it.
                for needle in ["std::net", "TcpStream", "UdpSocket", "TcpListener", "UnixStream", "mio::"] {
                    assert!(!text.contains(needle), "{} uses {needle}", path.display());
                }
                files += 1;
            }
        }
    }
    assert!(files > 10);
}
