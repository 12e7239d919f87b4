-- A site's own subset of the fault taxonomy (a plant without valves has no "Fail to open"). A site without rows
-- uses the whole taxonomy.
CREATE TABLE site_fault_classes (
    site  text NOT NULL,
    label text NOT NULL,
    PRIMARY KEY (site, label)
);
