<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Core</name>
    <message>
        <location filename="../modules/core/Aktenzeichen.cpp" line="50"/>
        <source>“%1” is not a valid file number (Aktenzeichen). Enter file plan code, number and year, for example 32.10-000123/2026.</source>
        <translation>„%1“ ist kein gültiges Aktenzeichen. Geben Sie Aktenplankennzeichen, laufende Nummer und Jahr ein, zum Beispiel 32.10-000123/2026.</translation>
    </message>
    <message>
        <location filename="../modules/core/Aktenzeichen.cpp" line="60"/>
        <source>The number in the file number “%1” must be from 1 to %2. Check the number.</source>
        <translation>Die laufende Nummer im Aktenzeichen „%1“ muss zwischen 1 und %2 liegen. Bitte prüfen Sie die Nummer.</translation>
    </message>
    <message>
        <location filename="../modules/core/Aktenzeichen.cpp" line="67"/>
        <source>The year in the file number “%1” must be from %2 to %3. Check the year.</source>
        <translation>Das Jahr im Aktenzeichen „%1“ muss zwischen %2 und %3 liegen. Bitte prüfen Sie das Jahr.</translation>
    </message>
    <message>
        <location filename="../modules/core/Case.cpp" line="36"/>
        <source>provisional %1</source>
        <translation>vorläufig %1</translation>
    </message>
    <message>
        <location filename="../modules/core/Case.cpp" line="78"/>
        <source>The field “%1” must be a file number like 32.10-000123/2026.</source>
        <translation>Das Feld „%1“ muss ein Aktenzeichen wie 32.10-000123/2026 enthalten.</translation>
    </message>
    <message>
        <location filename="../modules/core/Command.cpp" line="38"/>
        <source>The field “%1” must contain at least one field edit.</source>
        <translation>Das Feld „%1“ muss mindestens eine Feldänderung enthalten.</translation>
    </message>
    <message>
        <location filename="../modules/core/Command.cpp" line="46"/>
        <source>The field edit “%1” must be an object with “old” and “new” values.</source>
        <translation>Die Feldänderung „%1“ muss ein Objekt mit den Werten „old“ (bisher) und „new“ (neu) sein.</translation>
    </message>
    <message>
        <location filename="../modules/core/Command.cpp" line="83"/>
        <source>The field “%1” must be the command&apos;s case id.</source>
        <translation>Das Feld „%1“ muss die Vorgangs-ID der Änderung enthalten.</translation>
    </message>
    <message>
        <location filename="../modules/core/CommandReplay.cpp" line="27"/>
        <source>The field “%1” was changed by someone else in the meantime. Check its current value and enter your change again.</source>
        <translation>Das Feld „%1“ wurde zwischenzeitlich von einer anderen Person geändert. Prüfen Sie den aktuellen Wert und geben Sie Ihre Änderung erneut ein.</translation>
    </message>
    <message>
        <location filename="../modules/core/CommandReplay.cpp" line="50"/>
        <source>The case was assigned by someone else in the meantime. Check who works on it now and assign it again if needed.</source>
        <translation>Der Vorgang wurde zwischenzeitlich von einer anderen Person zugewiesen. Prüfen Sie, wer ihn jetzt bearbeitet, und weisen Sie ihn bei Bedarf erneut zu.</translation>
    </message>
    <message>
        <location filename="../modules/core/CommandReplay.cpp" line="78"/>
        <source>The case of this change does not exist (any more). Discard the change or ask your team lead.</source>
        <translation>Der Vorgang zu dieser Änderung existiert nicht (mehr). Verwerfen Sie die Änderung oder wenden Sie sich an Ihre Teamleitung.</translation>
    </message>
    <message>
        <location filename="../modules/core/DocumentRef.cpp" line="68"/>
        <source>The field “%1” must be a SHA-256 hash: 64 digits 0-9 and a-f in lower case.</source>
        <translation>Das Feld „%1“ muss einen SHA-256-Hashwert enthalten: 64 Zeichen aus 0-9 und a-f in Kleinbuchstaben.</translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="174"/>
        <source>The field “%1” has a value CaseDesk does not know. Correct the value or update CaseDesk.</source>
        <translation>Das Feld „%1“ enthält einen Wert, den CaseDesk nicht kennt. Korrigieren Sie den Wert oder aktualisieren Sie CaseDesk.</translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="187"/>
        <source>The field “%1” is missing. It must be filled in.</source>
        <translation>Das Feld „%1“ fehlt. Es muss ausgefüllt werden.</translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="197"/>
        <source>The field “%1” is empty. It must be filled in.</source>
        <translation>Das Feld „%1“ ist leer. Es muss ausgefüllt werden.</translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="207"/>
        <source>The field “%1” must be text.</source>
        <translation>Das Feld „%1“ muss Text enthalten.</translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="218"/>
        <source>The field “%1” must be an id like 0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d.</source>
        <translation>Das Feld „%1“ muss eine ID wie 0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d enthalten.</translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="236"/>
        <source>The field “%1” must be a date like 2026-03-02 (year-month-day).</source>
        <translation>Das Feld „%1“ muss ein Datum wie 2026-03-02 (Jahr-Monat-Tag) enthalten.</translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="254"/>
        <source>The field “%1” must be a date and time with time zone like 2026-03-02T09:00:00.000Z.</source>
        <translation>Das Feld „%1“ muss Datum und Uhrzeit mit Zeitzone enthalten, zum Beispiel 2026-03-02T09:00:00.000Z.</translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="281"/>
        <source>The field “%1” must be a whole number from %2 to %3.</source>
        <translation>Das Feld „%1“ muss eine ganze Zahl zwischen %2 und %3 enthalten.</translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="299"/>
        <source>The field “%1” must be true or false.</source>
        <translation>Das Feld „%1“ muss einen Wahrheitswert enthalten (true oder false).</translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="316"/>
        <source>The field “%1” must be a JSON object.</source>
        <translation>Das Feld „%1“ muss ein JSON-Objekt sein.</translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="328"/>
        <source>The field “%1” must be a list.</source>
        <translation>Das Feld „%1“ muss eine Liste sein.</translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="341"/>
        <source>The field “%1” must be a list of ids like 0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d.</source>
        <translation>Das Feld „%1“ muss eine Liste von IDs wie 0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d enthalten.</translation>
    </message>
    <message>
        <location filename="../modules/core/Role.cpp" line="31"/>
        <source>Clerk</source>
        <translation>Sachbearbeitung</translation>
    </message>
    <message>
        <location filename="../modules/core/Role.cpp" line="33"/>
        <source>Team lead</source>
        <translation>Teamleitung</translation>
    </message>
    <message>
        <location filename="../modules/core/Role.cpp" line="35"/>
        <source>Mailroom</source>
        <translation>Poststelle</translation>
    </message>
    <message>
        <location filename="../modules/core/Role.cpp" line="37"/>
        <source>Administrator</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../modules/core/Role.cpp" line="39"/>
        <source>Auditor</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../modules/core/Team.cpp" line="31"/>
        <source>The field “%1” must be a file plan code like 32.10.</source>
        <translation>Das Feld „%1“ muss ein Aktenplankennzeichen wie 32.10 enthalten.</translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="98"/>
        <source>The key for the local case cache has the wrong length. Please report this problem to your IT support.</source>
        <translation>Der Schlüssel für den lokalen Zwischenspeicher hat die falsche Länge. Bitte melden Sie dieses Problem Ihrem IT-Service.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="106"/>
        <source>The local case cache file is empty. You can move it aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation>Die Datei des lokalen Zwischenspeichers ist leer. Sie können sie zur Seite legen; CaseDesk legt dann einen neuen Zwischenspeicher an und lädt Ihre Vorgänge erneut vom Server.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="152"/>
        <source>The local case cache was written by a newer version of CaseDesk. Update CaseDesk, or move the cache aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation>Der lokale Zwischenspeicher wurde von einer neueren CaseDesk-Version angelegt. Aktualisieren Sie CaseDesk oder legen Sie den Zwischenspeicher zur Seite; CaseDesk legt dann einen neuen Zwischenspeicher an und lädt Ihre Vorgänge erneut vom Server.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="211"/>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="135"/>
        <source>The local case cache is damaged. You can move it aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation>Der lokale Zwischenspeicher ist beschädigt. Sie können ihn zur Seite legen; CaseDesk legt dann einen neuen Zwischenspeicher an und lädt Ihre Vorgänge erneut vom Server.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="221"/>
        <source>There is no local case cache to move aside.</source>
        <translation>Es gibt keinen lokalen Zwischenspeicher, der zur Seite gelegt werden könnte.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="244"/>
        <source>The local case cache cannot be moved aside. Close other programs that use it and check that you may write to its folder, then try again.</source>
        <translation>Der lokale Zwischenspeicher kann nicht zur Seite gelegt werden. Schließen Sie andere Programme, die ihn verwenden, prüfen Sie, ob Sie in seinem Ordner schreiben dürfen, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="45"/>
        <source>The encryption library could not be started. Please report this problem to your IT support.</source>
        <translation>Die Verschlüsselungsbibliothek konnte nicht gestartet werden. Bitte melden Sie dieses Problem Ihrem IT-Service.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="54"/>
        <source>The system keychain cannot be reached, so the key of the local case cache cannot be kept there. CaseDesk asks for a cache passphrase instead.</source>
        <translation>Der Schlüsselbund des Systems ist nicht erreichbar, daher kann der Schlüssel des lokalen Zwischenspeichers dort nicht aufbewahrt werden. CaseDesk fragt stattdessen nach einer Passphrase für den Zwischenspeicher.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="65"/>
        <source>The system keychain cannot be used yet. Please report this problem to your IT support.</source>
        <translation>Der Schlüsselbund des Systems kann noch nicht verwendet werden. Bitte melden Sie dieses Problem Ihrem IT-Service.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="70"/>
        <source>No name was given for the local case cache.</source>
        <translation>Für den lokalen Zwischenspeicher wurde kein Name angegeben.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="126"/>
        <source>The salt file of the local case cache is damaged, so the cache key cannot be derived. You can move the cache aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation>Die Salt-Datei des lokalen Zwischenspeichers ist beschädigt, daher kann der Schlüssel nicht abgeleitet werden. Sie können den Zwischenspeicher zur Seite legen; CaseDesk legt dann einen neuen Zwischenspeicher an und lädt Ihre Vorgänge erneut vom Server.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="134"/>
        <source>The salt file of the local case cache cannot be read or written. Check that you may write to the cache folder, then try again.</source>
        <translation>Die Salt-Datei des lokalen Zwischenspeichers kann nicht gelesen oder geschrieben werden. Prüfen Sie, ob Sie im Ordner des Zwischenspeichers schreiben dürfen, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="197"/>
        <source>The key of the local case cache in the system keychain is damaged. You can move the cache aside; CaseDesk then creates a new key and cache and fetches your cases from the server again.</source>
        <translation>Der Schlüssel des lokalen Zwischenspeichers im Schlüsselbund des Systems ist beschädigt. Sie können den Zwischenspeicher zur Seite legen; CaseDesk erzeugt dann einen neuen Schlüssel und Zwischenspeicher und lädt Ihre Vorgänge erneut vom Server.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="210"/>
        <source>The system keychain holds no key for the local case cache. You can move the cache aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation>Der Schlüsselbund des Systems enthält keinen Schlüssel für den lokalen Zwischenspeicher. Sie können den Zwischenspeicher zur Seite legen; CaseDesk legt dann einen neuen Zwischenspeicher an und lädt Ihre Vorgänge erneut vom Server.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="242"/>
        <source>Enter a passphrase for the local case cache.</source>
        <translation>Geben Sie eine Passphrase für den lokalen Zwischenspeicher ein.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="245"/>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="33"/>
        <source>No file was given for the local case cache.</source>
        <translation>Für den lokalen Zwischenspeicher wurde keine Datei angegeben.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="261"/>
        <source>There is not enough memory to derive the cache key from the passphrase. Close other programs and try again.</source>
        <translation>Der Arbeitsspeicher reicht nicht aus, um den Schlüssel aus der Passphrase abzuleiten. Schließen Sie andere Programme und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CaseRepository.cpp" line="127"/>
        <source>A case without an id cannot be stored. Please report this problem to your IT support.</source>
        <translation>Ein Vorgang ohne ID kann nicht gespeichert werden. Bitte melden Sie dieses Problem Ihrem IT-Service.</translation>
    </message>
    <message>
        <location filename="../modules/storage/CaseSearch.cpp" line="316"/>
        <source>The search failed. Try again; if this persists, restart CaseDesk.</source>
        <translation>Die Suche ist fehlgeschlagen. Versuchen Sie es erneut; falls der Fehler bestehen bleibt, starten Sie CaseDesk neu.</translation>
    </message>
    <message>
        <location filename="../modules/storage/InboxRepository.cpp" line="258"/>
        <source>The anchor distance must be positive. Please report this problem to your IT support.</source>
        <translation>Der Ankerabstand der Vorgangsliste muss positiv sein. Bitte melden Sie dieses Problem Ihrem IT-Service.</translation>
    </message>
    <message>
        <location filename="../modules/storage/Outbox.cpp" line="44"/>
        <location filename="../modules/storage/StoredJson.cpp" line="19"/>
        <source>The local case cache holds damaged data. You can move it aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation>Der lokale Zwischenspeicher enthält beschädigte Daten. Sie können ihn zur Seite legen; CaseDesk legt dann einen neuen Zwischenspeicher an und lädt Ihre Vorgänge erneut vom Server.</translation>
    </message>
    <message>
        <location filename="../modules/storage/Outbox.cpp" line="84"/>
        <source>The change names no case or no user. Please report this problem to your IT support.</source>
        <translation>Bei der Änderung fehlt der Vorgang oder die Person. Bitte melden Sie dieses Problem Ihrem IT-Service.</translation>
    </message>
    <message>
        <location filename="../modules/storage/Outbox.cpp" line="101"/>
        <source>This case exists already. Reload it and try again.</source>
        <translation>Dieser Vorgang ist bereits vorhanden. Laden Sie ihn neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../modules/storage/Outbox.cpp" line="104"/>
        <source>This case is no longer in your cache. Refresh the inbox; it may have been moved out of your scope.</source>
        <translation>Dieser Vorgang ist nicht mehr in Ihrem lokalen Zwischenspeicher. Aktualisieren Sie die Vorgangsliste; möglicherweise liegt der Vorgang nicht mehr in Ihrem Zuständigkeitsbereich.</translation>
    </message>
    <message>
        <location filename="../modules/storage/Outbox.cpp" line="135"/>
        <source>The new case does not carry the id it was created with. Please report this problem to your IT support.</source>
        <translation>Der neue Vorgang trägt nicht die ID, mit der er angelegt wurde. Bitte melden Sie dieses Problem Ihrem IT-Service.</translation>
    </message>
    <message>
        <location filename="../modules/storage/SearchIndexer.cpp" line="92"/>
        <source>The search index could not be updated. Restart CaseDesk; if this persists, please contact your IT support.</source>
        <translation>Der Suchindex konnte nicht aktualisiert werden. Starten Sie CaseDesk neu; falls der Fehler bestehen bleibt, wenden Sie sich bitte an Ihren IT-Service.</translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="42"/>
        <source>The local case cache file cannot be opened. Check that its folder exists and that you may write to it.</source>
        <translation>Die Datei des lokalen Zwischenspeichers kann nicht geöffnet werden. Prüfen Sie, ob ihr Ordner existiert und ob Sie darin schreiben dürfen.</translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="141"/>
        <source>The local case cache cannot be opened: the key does not fit or the file is damaged. You can move it aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation>Der lokale Zwischenspeicher kann nicht geöffnet werden: Der Schlüssel passt nicht oder die Datei ist beschädigt. Sie können ihn zur Seite legen; CaseDesk legt dann einen neuen Zwischenspeicher an und lädt Ihre Vorgänge erneut vom Server.</translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="151"/>
        <source>The local case cache could not be read or written. Check that the disk is not full and that you may write to the cache folder, then try again.</source>
        <translation>Der lokale Zwischenspeicher konnte nicht gelesen oder geschrieben werden. Prüfen Sie, ob auf dem Datenträger noch Platz ist und ob Sie im Ordner des Zwischenspeichers schreiben dürfen, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="157"/>
        <source>The local case cache is in use by another program, perhaps a second CaseDesk. Close it and try again.</source>
        <translation>Der lokale Zwischenspeicher wird von einem anderen Programm verwendet, möglicherweise von einem zweiten CaseDesk. Schließen Sie dieses Programm und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="161"/>
        <source>The local case cache could not complete the operation. Try again; if it keeps failing, restart CaseDesk.</source>
        <translation>Der lokale Zwischenspeicher konnte die Aktion nicht abschließen. Versuchen Sie es erneut; falls der Fehler wiederholt auftritt, starten Sie CaseDesk neu.</translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="169"/>
        <source>The local case cache could not run a query. Please report this problem to your IT support.</source>
        <translation>Der lokale Zwischenspeicher konnte eine Abfrage nicht ausführen. Bitte melden Sie dieses Problem Ihrem IT-Service.</translation>
    </message>
</context>
<context>
    <name>casedesk::ui::DemoUserDialog</name>
    <message>
        <location filename="../modules/ui/DemoUserDialog.cpp" line="20"/>
        <source>CaseDesk: who are you?</source>
        <translation>CaseDesk: Wer sind Sie?</translation>
    </message>
    <message>
        <location filename="../modules/ui/DemoUserDialog.cpp" line="21"/>
        <source>This is a demo installation without sign-in. Choose the person you want to work as; CaseDesk remembers the choice for this cache.</source>
        <translation>Dies ist eine Demo-Installation ohne Anmeldung. Wählen Sie die Person, als die Sie arbeiten möchten; CaseDesk merkt sich die Auswahl für diesen Zwischenspeicher.</translation>
    </message>
    <message>
        <location filename="../modules/ui/DemoUserDialog.cpp" line="26"/>
        <source>Demo users</source>
        <translation>Demo-Benutzerkonten</translation>
    </message>
    <message>
        <location filename="../modules/ui/DemoUserDialog.cpp" line="27"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../modules/ui/DemoUserDialog.cpp" line="27"/>
        <source>Login</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <location filename="../modules/ui/DemoUserDialog.cpp" line="27"/>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <location filename="../modules/ui/DemoUserDialog.cpp" line="27"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
</context>
<context>
    <name>casedesk::ui::DialogStartupPrompts</name>
    <message>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="27"/>
        <source>CaseDesk: local case cache</source>
        <translation>CaseDesk: lokaler Zwischenspeicher</translation>
    </message>
    <message>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="28"/>
        <source>If you move the file aside, it is kept beside the new cache: nothing is deleted. Cases that were synchronised are loaded again from the server.</source>
        <translation>Wenn Sie die Datei zur Seite legen, bleibt sie neben dem neuen Zwischenspeicher erhalten: Es wird nichts gelöscht. Bereits synchronisierte Vorgänge werden erneut vom Server geladen.</translation>
    </message>
    <message>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="31"/>
        <source>Try another passphrase</source>
        <translation>Andere Passphrase versuchen</translation>
    </message>
    <message>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="32"/>
        <source>Move aside and start a new cache</source>
        <translation>Zur Seite legen und neu anlegen</translation>
    </message>
    <message>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="33"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="52"/>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="61"/>
        <source>CaseDesk</source>
        <translation>CaseDesk</translation>
    </message>
</context>
<context>
    <name>casedesk::ui::InboxController</name>
    <message>
        <location filename="../modules/ui/InboxController.cpp" line="22"/>
        <source>My cases</source>
        <translation>Meine Vorgänge</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxController.cpp" line="24"/>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxController.cpp" line="26"/>
        <source>Unassigned</source>
        <translation>Nicht zugewiesen</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxController.cpp" line="28"/>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxController.cpp" line="30"/>
        <source>Due this week</source>
        <translation>Diese Woche fällig</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxController.cpp" line="32"/>
        <source>All cases</source>
        <translation>Alle Vorgänge</translation>
    </message>
</context>
<context>
    <name>casedesk::ui::InboxFilterBar</name>
    <message>
        <location filename="../modules/ui/InboxFilterBar.cpp" line="33"/>
        <source>Search name, file number, address, licence plate…</source>
        <translation>Name, Aktenzeichen, Adresse, Kennzeichen suchen…</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxFilterBar.cpp" line="34"/>
        <source>Search cases</source>
        <translation>Vorgänge durchsuchen</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxFilterBar.cpp" line="35"/>
        <source>Search all cases (Ctrl+F). Esc clears the search.</source>
        <translation>Alle Vorgänge durchsuchen (Strg+F). Mit Esc leeren Sie die Suche.</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxFilterBar.cpp" line="43"/>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxFilterBar.cpp" line="45"/>
        <source>Case &amp;type:</source>
        <translation>Vorgangs&amp;art:</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxFilterBar.cpp" line="68"/>
        <source>Any status</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxFilterBar.cpp" line="70"/>
        <source>Any case type</source>
        <translation>Alle Vorgangsarten</translation>
    </message>
</context>
<context>
    <name>casedesk::ui::InboxModel</name>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="250"/>
        <source>Overdue since %1</source>
        <translation>Überfällig seit %1</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="252"/>
        <source>Local changes not yet confirmed by the server</source>
        <translation>Lokale Änderungen, vom Server noch nicht bestätigt</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="256"/>
        <source>Case type: %1</source>
        <translation>Vorgangsart: %1</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="266"/>
        <source>File number</source>
        <translation>Aktenzeichen</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="268"/>
        <source>Applicant</source>
        <translation>Antragsteller/in</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="270"/>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="272"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="274"/>
        <source>Assignee</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="276"/>
        <source>Received</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="278"/>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <location filename="../modules/ui/InboxModel.cpp" line="280"/>
        <source>Match</source>
        <translation>Fundstelle</translation>
    </message>
</context>
<context>
    <name>casedesk::ui::MainWindow</name>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="29"/>
        <source>CaseDesk</source>
        <translation>CaseDesk</translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="50"/>
        <source>Number of cases</source>
        <translation>Anzahl der Vorgänge</translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="52"/>
        <source>Signed-in user</source>
        <translation>Angemeldete Person</translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="89"/>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="111"/>
        <source>Cases</source>
        <translation>Vorgänge</translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="168"/>
        <source>%1, 1 case</source>
        <translation>%1, 1 Vorgang</translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="169"/>
        <source>%1, %2 cases</source>
        <translation>%1, %2 Vorgänge</translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="181"/>
        <source>1 case found</source>
        <translation>1 Vorgang gefunden</translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="181"/>
        <source>%1 cases found</source>
        <translation>%1 Vorgänge gefunden</translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="183"/>
        <source>1 case</source>
        <translation>1 Vorgang</translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="183"/>
        <source>%1 cases</source>
        <translation>%1 Vorgänge</translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="198"/>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="206"/>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="207"/>
        <source>Signed in as %1 (%2)</source>
        <translation>Angemeldet als %1 (%2)</translation>
    </message>
</context>
<context>
    <name>casedesk::ui::PassphraseDialog</name>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="17"/>
        <source>CaseDesk: cache passphrase</source>
        <translation>CaseDesk: Passphrase für den Zwischenspeicher</translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="19"/>
        <source>No system keychain is available, so CaseDesk cannot keep the key of your local case cache there. The cache holds personal data of citizens and is always encrypted.</source>
        <translation>Es ist kein Schlüsselbund des Systems verfügbar, daher kann CaseDesk den Schlüssel Ihres lokalen Zwischenspeichers dort nicht aufbewahren. Der Zwischenspeicher enthält personenbezogene Daten von Bürgerinnen und Bürgern und ist immer verschlüsselt.</translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="22"/>
        <source>Choose a passphrase for the new cache (at least %1 characters). You will need it every time CaseDesk starts; it cannot be recovered.</source>
        <translation>Wählen Sie eine Passphrase für den neuen Zwischenspeicher (mindestens %1 Zeichen). Sie benötigen sie bei jedem Start von CaseDesk; sie kann nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="25"/>
        <source>Enter the passphrase of your local case cache.</source>
        <translation>Geben Sie die Passphrase Ihres lokalen Zwischenspeichers ein.</translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="31"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="32"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="36"/>
        <source>Repeat passphrase</source>
        <translation>Passphrase wiederholen</translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="37"/>
        <source>&amp;Repeat:</source>
        <translation>&amp;Wiederholen:</translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="68"/>
        <source>The passphrase needs at least %1 characters.</source>
        <translation>Die Passphrase muss mindestens %1 Zeichen lang sein.</translation>
    </message>
    <message>
        <location filename="../modules/ui/PassphraseDialog.cpp" line="70"/>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen stimmen nicht überein.</translation>
    </message>
</context>
<context>
    <name>casedesk::ui::StartupController</name>
    <message>
        <location filename="../modules/ui/StartupController.cpp" line="69"/>
        <source>The folder for the local case cache cannot be created: %1. Check that you may write there, or choose another place with --cache.</source>
        <translation>Der Ordner für den lokalen Zwischenspeicher kann nicht angelegt werden: %1. Prüfen Sie, ob Sie dort schreiben dürfen, oder wählen Sie mit --cache einen anderen Ort.</translation>
    </message>
    <message>
        <location filename="../modules/ui/StartupController.cpp" line="107"/>
        <source>This passphrase does not open the local case cache. Try again.</source>
        <translation>Diese Passphrase öffnet den lokalen Zwischenspeicher nicht. Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../modules/ui/StartupController.cpp" line="132"/>
        <source>Start-up was cancelled.</source>
        <translation>Der Start wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../modules/ui/StartupController.cpp" line="141"/>
        <source>Creating %1 demo cases…</source>
        <translation>%1 Demo-Vorgänge werden angelegt…</translation>
    </message>
    <message>
        <location filename="../modules/ui/StartupController.cpp" line="203"/>
        <source>The chosen user is not in the local case cache.</source>
        <translation>Die gewählte Person ist nicht im lokalen Zwischenspeicher vorhanden.</translation>
    </message>
</context>
</TS>
