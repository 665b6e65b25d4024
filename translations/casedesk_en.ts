<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Core</name>
    <message>
        <location filename="../modules/core/Aktenzeichen.cpp" line="50"/>
        <source>“%1” is not a valid file number (Aktenzeichen). Enter file plan code, number and year, for example 32.10-000123/2026.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Aktenzeichen.cpp" line="60"/>
        <source>The number in the file number “%1” must be from 1 to %2. Check the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Aktenzeichen.cpp" line="67"/>
        <source>The year in the file number “%1” must be from %2 to %3. Check the year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Case.cpp" line="36"/>
        <source>provisional %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Case.cpp" line="78"/>
        <source>The field “%1” must be a file number like 32.10-000123/2026.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Command.cpp" line="38"/>
        <source>The field “%1” must contain at least one field edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Command.cpp" line="46"/>
        <source>The field edit “%1” must be an object with “old” and “new” values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Command.cpp" line="83"/>
        <source>The field “%1” must be the command&apos;s case id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/CommandReplay.cpp" line="27"/>
        <source>The field “%1” was changed by someone else in the meantime. Check its current value and enter your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/CommandReplay.cpp" line="50"/>
        <source>The case was assigned by someone else in the meantime. Check who works on it now and assign it again if needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/CommandReplay.cpp" line="78"/>
        <source>The case of this change does not exist (any more). Discard the change or ask your team lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/DocumentRef.cpp" line="68"/>
        <source>The field “%1” must be a SHA-256 hash: 64 digits 0-9 and a-f in lower case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="174"/>
        <source>The field “%1” has a value CaseDesk does not know. Correct the value or update CaseDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="187"/>
        <source>The field “%1” is missing. It must be filled in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="197"/>
        <source>The field “%1” is empty. It must be filled in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="207"/>
        <source>The field “%1” must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="218"/>
        <source>The field “%1” must be an id like 0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="236"/>
        <source>The field “%1” must be a date like 2026-03-02 (year-month-day).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="254"/>
        <source>The field “%1” must be a date and time with time zone like 2026-03-02T09:00:00.000Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="281"/>
        <source>The field “%1” must be a whole number from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="299"/>
        <source>The field “%1” must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="316"/>
        <source>The field “%1” must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="328"/>
        <source>The field “%1” must be a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="341"/>
        <source>The field “%1” must be a list of ids like 0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Role.cpp" line="31"/>
        <source>Clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Role.cpp" line="33"/>
        <source>Team lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Role.cpp" line="35"/>
        <source>Mailroom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Role.cpp" line="37"/>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Role.cpp" line="39"/>
        <source>Auditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Team.cpp" line="31"/>
        <source>The field “%1” must be a file plan code like 32.10.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="98"/>
        <source>The key for the local case cache has the wrong length. Please report this problem to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="106"/>
        <source>The local case cache file is empty. You can move it aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="152"/>
        <source>The local case cache was written by a newer version of CaseDesk. Update CaseDesk, or move the cache aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="211"/>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="135"/>
        <source>The local case cache is damaged. You can move it aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="221"/>
        <source>There is no local case cache to move aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="244"/>
        <source>The local case cache cannot be moved aside. Close other programs that use it and check that you may write to its folder, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="45"/>
        <source>The encryption library could not be started. Please report this problem to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="54"/>
        <source>The system keychain cannot be reached, so the key of the local case cache cannot be kept there. CaseDesk asks for a cache passphrase instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="65"/>
        <source>The system keychain cannot be used yet. Please report this problem to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="70"/>
        <source>No name was given for the local case cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="126"/>
        <source>The salt file of the local case cache is damaged, so the cache key cannot be derived. You can move the cache aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="134"/>
        <source>The salt file of the local case cache cannot be read or written. Check that you may write to the cache folder, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="197"/>
        <source>The key of the local case cache in the system keychain is damaged. You can move the cache aside; CaseDesk then creates a new key and cache and fetches your cases from the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="210"/>
        <source>The system keychain holds no key for the local case cache. You can move the cache aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="242"/>
        <source>Enter a passphrase for the local case cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="245"/>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="33"/>
        <source>No file was given for the local case cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="261"/>
        <source>There is not enough memory to derive the cache key from the passphrase. Close other programs and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CaseRepository.cpp" line="127"/>
        <source>A case without an id cannot be stored. Please report this problem to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CaseSearch.cpp" line="316"/>
        <source>The search failed. Try again; if this persists, restart CaseDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/InboxRepository.cpp" line="258"/>
        <source>The anchor distance must be positive. Please report this problem to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/Outbox.cpp" line="44"/>
        <location filename="../modules/storage/StoredJson.cpp" line="19"/>
        <source>The local case cache holds damaged data. You can move it aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/Outbox.cpp" line="84"/>
        <source>The change names no case or no user. Please report this problem to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/Outbox.cpp" line="101"/>
        <source>This case exists already. Reload it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/Outbox.cpp" line="104"/>
        <source>This case is no longer in your cache. Refresh the inbox; it may have been moved out of your scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/Outbox.cpp" line="135"/>
        <source>The new case does not carry the id it was created with. Please report this problem to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/SearchIndexer.cpp" line="92"/>
        <source>The search index could not be updated. Restart CaseDesk; if this persists, please contact your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="42"/>
        <source>The local case cache file cannot be opened. Check that its folder exists and that you may write to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="141"/>
        <source>The local case cache cannot be opened: the key does not fit or the file is damaged. You can move it aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="151"/>
        <source>The local case cache could not be read or written. Check that the disk is not full and that you may write to the cache folder, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="157"/>
        <source>The local case cache is in use by another program, perhaps a second CaseDesk. Close it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="161"/>
        <source>The local case cache could not complete the operation. Try again; if it keeps failing, restart CaseDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="169"/>
        <source>The local case cache could not run a query. Please report this problem to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::DemoUserDialog</name>
    <message>
        <location filename="../modules/ui/DemoUserDialog.cpp" line="20"/>
        <source>CaseDesk: who are you?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/DemoUserDialog.cpp" line="21"/>
        <source>This is a demo installation without sign-in. Choose the person you want to work as; CaseDesk remembers the choice for this cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/DemoUserDialog.cpp" line="26"/>
        <source>Demo users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/DemoUserDialog.cpp" line="27"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/DemoUserDialog.cpp" line="27"/>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/DemoUserDialog.cpp" line="27"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/DemoUserDialog.cpp" line="27"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::DialogStartupPrompts</name>
    <message>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="27"/>
        <source>CaseDesk: local case cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="28"/>
        <source>If you move the file aside, it is kept beside the new cache: nothing is deleted. Cases that were synchronised are loaded again from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="31"/>
        <source>Try another passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="32"/>
        <source>Move aside and start a new cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="33"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="52"/>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="61"/>
        <source>CaseDesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::InboxController</name>
    <message>
        <location filename="../modules/ui/InboxController.cpp" line="22"/>
        <source>My cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxController.cpp" line="24"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxController.cpp" line="26"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxController.cpp" line="28"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxController.cpp" line="30"/>
        <source>Due this week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxController.cpp" line="32"/>
        <source>All cases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::InboxFilterBar</name>
    <message>
        <location filename="../modules/ui/InboxFilterBar.cpp" line="33"/>
        <source>Search name, file number, address, licence plate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxFilterBar.cpp" line="34"/>
        <source>Search cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxFilterBar.cpp" line="35"/>
        <source>Search all cases (Ctrl+F). Esc clears the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxFilterBar.cpp" line="43"/>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxFilterBar.cpp" line="45"/>
        <source>Case &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxFilterBar.cpp" line="68"/>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxFilterBar.cpp" line="70"/>
        <source>Any case type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::InboxModel</name>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="250"/>
        <source>Overdue since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="252"/>
        <source>Local changes not yet confirmed by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="256"/>
        <source>Case type: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="266"/>
        <source>File number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="268"/>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="270"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="272"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="274"/>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="276"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="278"/>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="280"/>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::MainWindow</name>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="29"/>
        <source>CaseDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="50"/>
        <source>Number of cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="52"/>
        <source>Signed-in user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="89"/>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="111"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="168"/>
        <source>%1, 1 case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="169"/>
        <source>%1, %2 cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="181"/>
        <source>1 case found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="181"/>
        <source>%1 cases found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="183"/>
        <source>1 case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="183"/>
        <source>%1 cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="198"/>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="206"/>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="207"/>
        <source>Signed in as %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::PassphraseDialog</name>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="17"/>
        <source>CaseDesk: cache passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="19"/>
        <source>No system keychain is available, so CaseDesk cannot keep the key of your local case cache there. The cache holds personal data of citizens and is always encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="22"/>
        <source>Choose a passphrase for the new cache (at least %1 characters). You will need it every time CaseDesk starts; it cannot be recovered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="25"/>
        <source>Enter the passphrase of your local case cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="31"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="32"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="36"/>
        <source>Repeat passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="37"/>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="68"/>
        <source>The passphrase needs at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="70"/>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::StartupController</name>
    <message>
        <location filename="../modules/ui/StartupController.cpp" line="69"/>
        <source>The folder for the local case cache cannot be created: %1. Check that you may write there, or choose another place with --cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/StartupController.cpp" line="107"/>
        <source>This passphrase does not open the local case cache. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/StartupController.cpp" line="132"/>
        <source>Start-up was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/StartupController.cpp" line="141"/>
        <source>Creating %1 demo cases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/StartupController.cpp" line="203"/>
        <source>The chosen user is not in the local case cache.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
