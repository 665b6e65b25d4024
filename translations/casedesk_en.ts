<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Casework</name>
    <message>
        <location filename="../modules/casework/CommandRules.cpp" line="27"/>
        <source>There is no process model or form for the case type “%1”. Tell the administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/casework/RuleOutcome.cpp" line="36"/>
        <source>The form data is not valid. Correct these fields: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
        <location filename="../modules/core/Case.cpp" line="37"/>
        <source>provisional %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Case.cpp" line="86"/>
        <source>The field “%1” must be a file number like 32.10-000123/2026.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Command.cpp" line="40"/>
        <source>The field “%1” must contain at least one field edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Command.cpp" line="48"/>
        <source>The field edit “%1” must be an object with “old” and “new” values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Command.cpp" line="72"/>
        <source>The field “%1” is longer than %2 characters. Shorten it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Command.cpp" line="94"/>
        <source>The field “%1” is empty. Write the note&apos;s text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Command.cpp" line="106"/>
        <source>The field “%1” is empty. Give the document a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Command.cpp" line="111"/>
        <source>The field “%1” says the document is larger than %2 MB. Split it into smaller files or scan it at a lower resolution.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Command.cpp" line="127"/>
        <source>The field “%1” is missing. Give the document a new name, a new kind or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Command.cpp" line="139"/>
        <source>The field “%1” is before the deputyship&apos;s first day. Correct one of the two dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Command.cpp" line="171"/>
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
        <location filename="../modules/core/JsonFields.cpp" line="231"/>
        <source>The field “%1” has a value CaseDesk does not know. Correct the value or update CaseDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="244"/>
        <source>The field “%1” is missing. It must be filled in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="254"/>
        <source>The field “%1” is empty. It must be filled in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="264"/>
        <source>The field “%1” must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="275"/>
        <source>The field “%1” must be an id like 0190f5c2-7d1e-7a3b-8c4d-5e6f7a8b9c0d.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="293"/>
        <source>The field “%1” must be a date like 2026-03-02 (year-month-day).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="311"/>
        <source>The field “%1” must be a date and time with time zone like 2026-03-02T09:00:00.000Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="338"/>
        <source>The field “%1” must be a whole number from %2 to %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="356"/>
        <source>The field “%1” must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="373"/>
        <source>The field “%1” must be a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="385"/>
        <source>The field “%1” must be a list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/JsonFields.cpp" line="398"/>
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
    <message>
        <location filename="../modules/core/Expression.cpp" line="26"/>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Expression.cpp" line="28"/>
        <source>true/false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Expression.cpp" line="30"/>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Expression.cpp" line="32"/>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Expression.cpp" line="34"/>
        <source>a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Expression.cpp" line="36"/>
        <source>a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Expression.cpp" line="38"/>
        <source>a group of fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Expression.cpp" line="149"/>
        <source>today() is not available here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Expression.cpp" line="170"/>
        <source>&apos;-&apos; needs a number, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Expression.cpp" line="231"/>
        <source>expected true or false, found %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Expression.cpp" line="239"/>
        <location filename="../modules/core/ExpressionParser.cpp" line="54"/>
        <source>Error in expression at column %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Expression.cpp" line="306"/>
        <source>&apos;in&apos; needs a list on its right, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Expression.cpp" line="318"/>
        <source>cannot compare %1 with %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Expression.cpp" line="419"/>
        <location filename="../modules/core/Expression.cpp" line="439"/>
        <source>The expression is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Expression.cpp" line="449"/>
        <source>a condition must give true or false, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/ExpressionParser.cpp" line="37"/>
        <source>unexpected &apos;%1&apos; after the end of the expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/ExpressionParser.cpp" line="68"/>
        <source>end of expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/ExpressionParser.cpp" line="95"/>
        <source>unexpected character &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/ExpressionParser.cpp" line="126"/>
        <source>the number %1 is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/ExpressionParser.cpp" line="145"/>
        <source>the text that starts here has no closing quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/ExpressionParser.cpp" line="162"/>
        <source>expected &apos;%1&apos;, found &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/ExpressionParser.cpp" line="174"/>
        <source>it is nested more than %1 levels deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/ExpressionParser.cpp" line="277"/>
        <source>comparisons cannot be chained; join them with &apos;and&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/ExpressionParser.cpp" line="324"/>
        <location filename="../modules/core/ExpressionParser.cpp" line="355"/>
        <source>expected a value, found &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/ExpressionParser.cpp" line="375"/>
        <source>expected a field name after &apos;.&apos;, found &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/ExpressionParser.cpp" line="399"/>
        <source>&apos;%1&apos; is not a date; write it as date(&quot;2026-03-02&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/ExpressionParser.cpp" line="423"/>
        <source>Error in expression: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/ExpressionParser.cpp" line="428"/>
        <source>it is longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/ExpressionParser.cpp" line="440"/>
        <source>&apos;%1&apos; has no closing &apos;}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/ExpressionParser.cpp" line="447"/>
        <source>it is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/AccessDecision.cpp" line="15"/>
        <source>The case was not found. Check the Aktenzeichen, or ask the responsible team whether you may see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/AccessPolicy.cpp" line="41"/>
        <source>The mailroom can only file documents into this case. Ask the responsible team for anything else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/AccessPolicy.cpp" line="45"/>
        <source>Your team is consulted on this case: you can add notes and complete your task, nothing else. Ask the responsible team for other changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/AccessPolicy.cpp" line="48"/>
        <source>You can read this case but not change it. Ask the responsible team to make the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/AccessPolicy.cpp" line="54"/>
        <source>Only the team lead of the case&apos;s team can assign it to someone. Ask your team lead, or claim an unassigned case of your team yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/AccessPolicy.cpp" line="66"/>
        <source>A case can only be assigned to an active clerk or team lead of its team. Choose someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/AccessPolicy.cpp" line="90"/>
        <source>You can only claim cases of your own team. Ask the team lead of the case&apos;s team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/AccessPolicy.cpp" line="93"/>
        <source>Only unassigned cases can be claimed. Ask your team lead to reassign this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/AccessPolicy.cpp" line="123"/>
        <source>Your team can end only its own consultation. Ask the responsible team to end the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/AccessPolicy.cpp" line="136"/>
        <source>You can set a deputy only for yourself or, as team lead, for members of your team. Ask your team lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/AccessPolicy.cpp" line="148"/>
        <source>A deputy must be an active clerk or team lead of a team of the absent person. Choose someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/AccessPolicy.cpp" line="172"/>
        <source>The mailroom can find this case and file documents into it, but not read it. Ask the responsible team for its contents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/AccessPolicy.cpp" line="222"/>
        <source>The command “%1” is unknown. Update CaseDesk and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/AccessPolicy.cpp" line="229"/>
        <source>You cannot create cases for this team. Choose one of your teams, or ask the mailroom to open the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Deputyship.cpp" line="34"/>
        <source>The field “%1” must name someone other than the absent user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/core/Deputyship.cpp" line="38"/>
        <source>The field “%1” must not be before the first day.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../modules/demo/BundledContent.cpp" line="18"/>
        <source>The bundled file %1 is missing from this build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/demo/BundledContent.cpp" line="38"/>
        <source>The bundled process model for %1 does not load.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <location filename="../modules/forms/FieldFormats.cpp" line="398"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldFormats.cpp" line="399"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormChange.cpp" line="90"/>
        <location filename="../modules/forms/FormChange.cpp" line="114"/>
        <source>The change names no valid field (“%1”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormChange.cpp" line="107"/>
        <source>Someone else changed “%1” in the meantime; look at the current value and enter your change again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="85"/>
        <source>The form definition is not valid at “%1”: %2. Correct the definition file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="104"/>
        <source>this key is not known; check its spelling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="116"/>
        <location filename="../modules/forms/FormDefinition.cpp" line="125"/>
        <location filename="../modules/forms/FormDefinition.cpp" line="609"/>
        <source>a value is required here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="120"/>
        <source>expected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="128"/>
        <source>the text is too long (at most %1 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="140"/>
        <source>expected a whole number from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="152"/>
        <source>expected true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="162"/>
        <location filename="../modules/forms/FormDefinition.cpp" line="167"/>
        <location filename="../modules/forms/FormDefinition.cpp" line="180"/>
        <source>needs a text in English and German, like {&quot;en&quot;: …, &quot;de&quot;: …}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="193"/>
        <source>the expression is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="211"/>
        <source>expected a list of entries like {&quot;code&quot;: …, &quot;label&quot;: {…}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="216"/>
        <source>a code list needs 1 to %1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="226"/>
        <location filename="../modules/forms/FormDefinition.cpp" line="264"/>
        <location filename="../modules/forms/FormDefinition.cpp" line="442"/>
        <location filename="../modules/forms/FormDefinition.cpp" line="614"/>
        <location filename="../modules/forms/FormDefinition.cpp" line="617"/>
        <location filename="../modules/forms/FormDefinition.cpp" line="637"/>
        <source>expected an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="233"/>
        <source>a code must not start or end with spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="236"/>
        <source>the code “%1” is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="254"/>
        <location filename="../modules/forms/FormDefinition.cpp" line="489"/>
        <source>expected a list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="272"/>
        <location filename="../modules/forms/FormDefinition.cpp" line="503"/>
        <source>the id “%1” is used twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="289"/>
        <source>an id must start with a letter and contain only letters, digits and “_” (at most 64 characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="299"/>
        <source>not allowed for fields of type “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="309"/>
        <location filename="../modules/forms/FormDefinition.cpp" line="342"/>
        <location filename="../modules/forms/FormDefinition.cpp" line="349"/>
        <location filename="../modules/forms/FormDefinition.cpp" line="356"/>
        <location filename="../modules/forms/FormDefinition.cpp" line="400"/>
        <source>the minimum is greater than the maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="322"/>
        <source>the pattern is not a valid regular expression: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="326"/>
        <source>a field with a pattern allows at most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="375"/>
        <source>the code list “%1” does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="378"/>
        <source>a choice needs a code list (a name or a list of entries)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="420"/>
        <source>expected a decimal number written as text, like &quot;12.5&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="432"/>
        <source>expected a date like 2026-03-02 or a date relative to today like today+14d or today-18y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="452"/>
        <source>the definition has too many fields (at most %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="461"/>
        <source>unknown field type “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="475"/>
        <source>groups are nested too deeply (at most %1 levels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="494"/>
        <source>a group needs at least one field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="542"/>
        <source>the rule names the field “%1”, which is not in this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="560"/>
        <source>the expression refers to “%1”, which is not a field here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="652"/>
        <source>The form definition is larger than %1 MB; split it or remove unused code lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="659"/>
        <source>The form definition is not valid JSON (%1 at character %2); correct the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormDefinition.cpp" line="666"/>
        <source>The form definition must be a JSON object; correct the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormValidatorWalker.cpp" line="246"/>
        <source>The form has no field “%1”; remove this value or check the form version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormValidatorWalker.cpp" line="206"/>
        <source>The form has more than %1 problems; correct the ones shown and check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormValidatorWalker.cpp" line="223"/>
        <source>The application is too large (more than %1 characters of text); shorten long texts or attach them as documents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormValidatorWalker.cpp" line="401"/>
        <source>The rule “%1” could not be checked (%2); check the values it refers to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormValidatorWalker.cpp" line="259"/>
        <source>“%1” must be a list of entries; enter them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormValidatorWalker.cpp" line="267"/>
        <source>Add an entry to “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormValidatorWalker.cpp" line="268"/>
        <source>“%1” needs at least %2 entries; add the missing ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormValidatorWalker.cpp" line="273"/>
        <source>“%1” allows at most %2 entries; remove the extra ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormValidatorWalker.cpp" line="284"/>
        <source>An entry of “%1” has the wrong form; enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FormValidatorWalker.cpp" line="292"/>
        <source>“%1” has the wrong form; enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="206"/>
        <source>Confirm “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="207"/>
        <source>Enter a value for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="220"/>
        <source>Enter a number for “%1”, for example 12.5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="79"/>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="212"/>
        <source>“%1” allows at most %2 characters; shorten it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="188"/>
        <source>“%1” must be yes or no; choose again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="197"/>
        <source>“%1” must be text; enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="85"/>
        <source>“%1” needs at least %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="94"/>
        <source>“%1” must be a single line without control characters; remove the line breaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="97"/>
        <source>“%1” contains control characters; remove them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="109"/>
        <source>Enter a phone number for “%1” with digits, spaces and + / - ( ), for example +49 711 216-0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="121"/>
        <source>Enter an e-mail address for “%1”, for example name@example.de.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="128"/>
        <source>Enter a five-digit German postcode for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="134"/>
        <source>Enter an IBAN for “%1”, for example DE89 3704 0044 0532 0130 00.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="138"/>
        <source>The IBAN in “%1” is not valid (its check digits do not match); check it for typing errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="147"/>
        <source>Enter a vehicle registration number for “%1”, for example S-AB 1234.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="154"/>
        <source>“%1” does not refer to a document of this case; attach the document again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="162"/>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="329"/>
        <source>“%1” has a value that is not in its list; choose one from the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="232"/>
        <source>“%1” does not have the expected form; check the entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="234"/>
        <source>“%1” does not have the expected form (%2); check the entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="244"/>
        <source>Enter “%1” as a date (year-month-day, for example 2026-03-02).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="251"/>
        <source>“%1” must not be before %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="254"/>
        <source>“%1” must not be after %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="267"/>
        <source>“%1” allows at most %2 decimal places; round the number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="271"/>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="290"/>
        <source>“%1” must be at least %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="274"/>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="293"/>
        <source>“%1” must be at most %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="284"/>
        <source>Enter an amount of money for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="285"/>
        <source>Enter a whole number for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="302"/>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="320"/>
        <source>“%1” must be a list of choices; choose again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="307"/>
        <source>Choose at least %2 entries for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="311"/>
        <source>Choose at most %2 entries for “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/FieldValueCheck.cpp" line="336"/>
        <source>“%1” lists a choice twice; remove the duplicate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="115"/>
        <source>The XDatenfelder file is larger than %1 MB; it cannot be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="126"/>
        <source>The imported form definition is not valid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="144"/>
        <source>The XDatenfelder file cannot be imported: %1 (element “%2”, line %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="160"/>
        <source>The XDatenfelder file cannot be imported: it declares a DTD (line %1), which XDatenfelder files never do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="168"/>
        <source>The XDatenfelder file cannot be imported: it is too large or nested too deeply (line %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="195"/>
        <source>The XDatenfelder file is not well-formed XML: %1 (line %2, column %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="208"/>
        <source>the element is not in the XDatenfelder namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="217"/>
        <source>“%1” does not belong inside “%2” in XDatenfelder %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="222"/>
        <source>“%1” appears more than once inside “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="230"/>
        <source>“xdf:%1” is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="245"/>
        <source>The file is not an XDatenfelder 2.0 or 3.0 message: the root element “%1” has the namespace “%2” (line %3); expected %4 or %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="259"/>
        <source>The file is not an XDatenfelder schema or data group message: the root element is “%1” (line %2); expected xdatenfelder.stammdatenschema.0102 or xdatenfelder.datenfeldgruppe.0103.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="290"/>
        <source>“%1” contains no data fields; the form is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="340"/>
        <source>the id is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="344"/>
        <source>the name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="352"/>
        <source>the status “%1” is not one of aktiv, inaktiv, vorgesehen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="361"/>
        <source>the freigabestatus “%1” is not a code from 1 to 8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="378"/>
        <source>Rule %1 “%2” on “%3” (line %4) was not imported: XDatenfelder rules are free text or scripts. %5 Add it to the definition&apos;s rules by hand if it is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="385"/>
        <source>Rule text: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="386"/>
        <source>It has a script.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="397"/>
        <source>groups are nested more than %1 levels deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="410"/>
        <source>“xdf:enthaelt” must hold exactly one datenfeld or datenfeldgruppe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="421"/>
        <source>the number “%1” is not of the form min:max (like 0:1 or 1:*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="493"/>
        <source>“%1” (line %2) may repeat %3 times; CaseDesk allows at most %4 entries.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="536"/>
        <source>The data group “%1” (line %2) has no fields and was left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="556"/>
        <source>the feldart “%1” is not one of input, select, label, hidden, locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="576"/>
        <source>the datentyp “%1” is not an XDatenfelder data type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="581"/>
        <source>The static text “%1” (line %2) is not a data field and was left out; add it to a help text if it is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="592"/>
        <source>“%1” (line %2) holds a %3; it is imported as text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="598"/>
        <source>“%1” (line %2) is a %3 field in XDatenfelder; it is imported as a normal field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="609"/>
        <source>The selection “%1” (line %2) names no code list; it is imported as free text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="636"/>
        <source>a value of the list needs a code of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="674"/>
        <source>The code list %1 used by “%2” (line %3) is referenced, not included: values are not checked against it until its entries are added to the definition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/forms/XDatenfelderImport.cpp" line="734"/>
        <source>Limits of “%1” (line %2) that do not apply to a %3 field were not imported: %4.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Server</name>
    <message>
        <location filename="../modules/server/PasswordHash.cpp" line="44"/>
        <source>The password could not be hashed because the server is out of memory. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/SchemaMigrations.cpp" line="425"/>
        <source>The database has schema version %1, but this server knows only up to version %2. Update casedesk-server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/SchemaMigrations.cpp" line="514"/>
        <source>Schema migration %1 (%2) failed; the database stays at version %3. The server log has the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/SchemaMigrations.cpp" line="542"/>
        <source>The database has schema version %1; this server needs version %2. Run &quot;casedesk-server migrate&quot; first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ServerConfig.cpp" line="36"/>
        <source>No database is configured. Set CASEDESK_DB to a connection string (for example &quot;host=/run/postgresql dbname=casedesk user=casedesk&quot;) or write it to the config file %1 (or the file named by CASEDESK_CONFIG).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ServerConfig.cpp" line="52"/>
        <source>The config file %1 may be read or changed by other users. Make it readable only by its owner: chmod 600 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ServerConfig.cpp" line="58"/>
        <source>The config file %1 cannot be read. Check that it exists and belongs to the server&apos;s user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ServerConfig.cpp" line="62"/>
        <source>The config file %1 is too large. Check that CASEDESK_CONFIG names the right file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ServerConfig.cpp" line="76"/>
        <source>Line %2 of the config file %1 is not understood. Write &quot;database = CONNECTION&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ServerConfig.cpp" line="82"/>
        <source>The config file %1 names no database. Add a line &quot;database = host=... dbname=...&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ServerDatabase.cpp" line="42"/>
        <source>The database connection string is not valid. Write it as keyword=value pairs, for example &quot;host=/run/postgresql dbname=casedesk user=casedesk&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ServerDatabase.cpp" line="157"/>
        <source>(from %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ServerDatabase.cpp" line="198"/>
        <source>Qt&apos;s PostgreSQL driver (QPSQL) is not installed. Install the package libqt6sql6-psql.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ServerDatabase.cpp" line="206"/>
        <source>Cannot connect to the database (%1). Check that PostgreSQL is running and that CASEDESK_DB or the config file names the right database and user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/SqlError.cpp" line="10"/>
        <source>The database failed to carry out the request. Check that PostgreSQL is running and try again; the server log has the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/UserDirectory.cpp" line="76"/>
        <source>The login “%1” is not valid. Use 1 to 64 lower-case letters, digits, dots, hyphens or underscores, starting with a letter or digit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/UserDirectory.cpp" line="82"/>
        <source>Give the user a name of 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/UserDirectory.cpp" line="84"/>
        <source>Give the user at least one role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/UserDirectory.cpp" line="86"/>
        <source>The password is too short. Use at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/UserDirectory.cpp" line="90"/>
        <source>The password is too long. Use at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/UserDirectory.cpp" line="119"/>
        <source>There is no team “%1”. Add it first with &quot;casedesk-server team add&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/UserDirectory.cpp" line="136"/>
        <source>The login “%1” is already taken. Choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/UserDirectory.cpp" line="171"/>
        <location filename="../modules/server/UserDirectory.cpp" line="208"/>
        <source>There is no user “%1”. &quot;casedesk-server user list&quot; shows all users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/UserDirectory.cpp" line="218"/>
        <source>The team code “%1” is not valid. Use groups of digits separated by dots, like 32.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/UserDirectory.cpp" line="222"/>
        <source>The file plan code “%1” is not valid. Use groups of digits separated by dots, like 32.10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/UserDirectory.cpp" line="227"/>
        <source>Give the team a name of 1 to %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/UserDirectory.cpp" line="240"/>
        <source>A team with the code “%1” already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/HttpApiServer.cpp" line="122"/>
        <source>TLS is not available: Qt found no OpenSSL library. Install libssl3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/HttpApiServer.cpp" line="137"/>
        <source>The TLS certificate %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/HttpApiServer.cpp" line="141"/>
        <source>The file %1 holds no PEM certificate. Give the server&apos;s certificate (chain) in PEM format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/HttpApiServer.cpp" line="145"/>
        <source>The TLS key %1 cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/HttpApiServer.cpp" line="153"/>
        <source>The file %1 holds no unencrypted PEM private key (RSA or EC).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/HttpApiServer.cpp" line="173"/>
        <source>Cannot listen on %1 port %2: %3. Choose another address or port, or stop the program that uses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/TrustedProxies.cpp" line="49"/>
        <source>The trusted proxy “%1” is neither an address nor a network. Write it like 127.0.0.1 or 10.0.0.0/8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/BlobStore.cpp" line="21"/>
        <source>The stored document contents are inconsistent. Tell the operator; the server log has the details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/BlobStore.cpp" line="123"/>
        <source>The data does not fit into the blob&apos;s size.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ModelRepository.cpp" line="45"/>
        <source>%1 version %2 is deployed already with other content. Deployed versions never change, because cases keep the version they started with: deploy the new content as a new version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ModelRepository.cpp" line="78"/>
        <source>“%1” is not a case type. Use lower-case letters, digits, &quot;-&quot; and &quot;_&quot;, starting with a letter, like baumfaellung.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ModelRepository.cpp" line="84"/>
        <source>A version is a whole number of at least 1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ModelRepository.cpp" line="88"/>
        <source>The process model is not UTF-8 text. Save it as UTF-8 and deploy it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ModelRepository.cpp" line="94"/>
        <source>The process model has errors and was not deployed. &quot;casedesk-server process check FILE&quot; lists them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ModelRepository.cpp" line="98"/>
        <source>Process model %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ModelRepository.cpp" line="129"/>
        <source>%1 is at version %2 already; a new version must be higher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/ModelRepository.cpp" line="153"/>
        <source>Form definition %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/CaseTypeRoutes.cpp" line="25"/>
        <source>There is no case type &quot;%1&quot;. Choose one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/CaseTypeRoutes.cpp" line="39"/>
        <source>There is no team with the code &quot;%1&quot;. See &quot;casedesk-server team list&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/DemoImport.cpp" line="33"/>
        <source>The database has its own &quot;%1&quot; already, so the demo data cannot be added. Use an empty database for the demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/PortalCredentials.cpp" line="35"/>
        <source>A portal&apos;s name has up to %1 letters, digits, dots, underscores and hyphens, like &quot;service-bw&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/PortalCredentials.cpp" line="49"/>
        <source>A portal named &quot;%1&quot; exists already. Choose another name, or disable the old portal first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/server/PortalCredentials.cpp" line="76"/>
        <source>There is no portal named &quot;%1&quot;. See &quot;casedesk-server portal list&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Storage</name>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="107"/>
        <source>The key for the local case cache has the wrong length. Please report this problem to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="115"/>
        <source>The local case cache file is empty. You can move it aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="168"/>
        <source>The local case cache was written by a newer version of CaseDesk. Update CaseDesk, or move the cache aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="227"/>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="148"/>
        <source>The local case cache is damaged. You can move it aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="237"/>
        <source>There is no local case cache to move aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheDatabase.cpp" line="260"/>
        <source>The local case cache cannot be moved aside. Close other programs that use it and check that you may write to its folder, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="47"/>
        <source>The encryption library could not be started. Please report this problem to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="56"/>
        <source>The system keychain cannot be reached, so the key of the local case cache cannot be kept there. CaseDesk asks for a cache passphrase instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="67"/>
        <source>The system keychain cannot be used yet. Please report this problem to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="72"/>
        <source>No name was given for the local case cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="121"/>
        <source>The salt file of the local case cache is damaged, so the cache key cannot be derived. You can move the cache aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="129"/>
        <source>The salt file of the local case cache cannot be read or written. Check that you may write to the cache folder, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="195"/>
        <source>The key of the local case cache in the system keychain is damaged. You can move the cache aside; CaseDesk then creates a new key and cache and fetches your cases from the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="208"/>
        <source>The system keychain holds no key for the local case cache. You can move the cache aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="264"/>
        <source>Enter a passphrase for the local case cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="267"/>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="33"/>
        <source>No file was given for the local case cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheKey.cpp" line="283"/>
        <source>There is not enough memory to derive the cache key from the passphrase. Close other programs and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CaseRepository.cpp" line="336"/>
        <source>A case without an id cannot be stored. Please report this problem to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CaseSearch.cpp" line="351"/>
        <source>The search failed. Try again; if this persists, restart CaseDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/InboxRepository.cpp" line="342"/>
        <source>The anchor distance must be positive. Please report this problem to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/Outbox.cpp" line="46"/>
        <location filename="../modules/storage/StoredJson.cpp" line="19"/>
        <source>The local case cache holds damaged data. You can move it aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/Outbox.cpp" line="115"/>
        <source>The change names no case or no user. Please report this problem to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/Outbox.cpp" line="127"/>
        <source>This case exists already. Reload it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/Outbox.cpp" line="130"/>
        <source>This case is no longer in your cache. Refresh the inbox; it may have been moved out of your scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/Outbox.cpp" line="155"/>
        <source>The new case does not carry the id it was created with. Please report this problem to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/Outbox.cpp" line="200"/>
        <source>This change is no longer waiting for you: it was resolved already. Refresh the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/Outbox.cpp" line="206"/>
        <source>This change is still being sent to the server. Wait for its answer, then decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/SearchIndexer.cpp" line="107"/>
        <source>The search index could not be updated. Restart CaseDesk; if this persists, please contact your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="42"/>
        <source>The local case cache file cannot be opened. Check that its folder exists and that you may write to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="154"/>
        <source>The local case cache cannot be opened: the key does not fit or the file is damaged. You can move it aside; CaseDesk then builds a new cache and fetches your cases from the server again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="160"/>
        <source>The disk holding the local case cache is full, so nothing was saved. Free some space, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="167"/>
        <source>The local case cache could not be read or written. Check that the disk is not full and that you may write to the cache folder, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="173"/>
        <source>The local case cache is in use by another program, perhaps a second CaseDesk. Close it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="177"/>
        <source>The local case cache could not complete the operation. Try again; if it keeps failing, restart CaseDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/SqliteDatabase.cpp" line="185"/>
        <source>The local case cache could not run a query. Please report this problem to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/SyncStore.cpp" line="44"/>
        <source>The server sent changes that this version of CaseDesk cannot read. Nothing of them was stored. If this persists, report it to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/BlobFileStore.cpp" line="43"/>
        <source>Could not write the document file &quot;%1&quot;. Check the free disk space and your permissions for the folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/BlobFileStore.cpp" line="52"/>
        <source>Could not read the file &quot;%1&quot;. Check that it exists and that you may read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/BlobFileStore.cpp" line="61"/>
        <source>The document is not stored on this computer. Connect to the server so that it can be downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/BlobFileStore.cpp" line="242"/>
        <source>The document&apos;s content does not match its checksum, so it was not stored. Download it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/BlobFileStore.cpp" line="278"/>
        <source>The local copy of a document is damaged or incomplete. Download it again from the server, or attach the original file again if it was never uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/BlobFileStore.cpp" line="361"/>
        <source>The encryption library could not be started. Restart CaseDesk; if this persists, contact IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/BlobFileStore.cpp" line="368"/>
        <source>The cache key has the wrong size. Contact IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/BlobFileStore.cpp" line="400"/>
        <source>A document is named by an invalid checksum. Contact IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/FailPoint.cpp" line="55"/>
        <source>A test stopped this change to the local case cache on purpose. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/ReferenceSnapshot.cpp" line="13"/>
        <source>The server sent reference data this version cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/storage/CacheOwner.cpp" line="45"/>
        <source>The login names no user. Please report this problem to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../modules/storage/CacheOwner.cpp" line="64"/>
        <source>This installation holds %n change(s) of the previous user that are not on the server yet. Log in as that user once to send them, then log in again.</source>
        <translation>
            <numerusform>This installation holds %n change of the previous user that is not on the server yet. Log in as that user once to send it, then log in again.</numerusform>
            <numerusform>This installation holds %n changes of the previous user that are not on the server yet. Log in as that user once to send them, then log in again.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../modules/storage/CommandCheck.cpp" line="118"/>
        <source>This case runs on version %1 of its process, which this computer does not have yet. Connect to the server so that it can fetch it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../modules/sync/KeychainTokenStore.cpp" line="26"/>
        <source>The system keychain cannot be reached, so CaseDesk cannot keep your sign-in. Make sure the keychain is running and unlocked, then log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/KeychainTokenStore.cpp" line="55"/>
        <source>The sign-in stored in the system keychain is damaged. Please log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/SyncEngine.cpp" line="262"/>
        <source>Your session has ended. Log in again to continue syncing; your changes are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/SyncEngine.cpp" line="271"/>
        <source>The server cannot be reached right now. Your changes are kept and sent as soon as it can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/SyncEngine.cpp" line="278"/>
        <source>The server refused to sync. Your changes are kept. If this persists, report it to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/BlobTransfer.cpp" line="50"/>
        <source>The document could not be transferred because the server is not reachable. It is sent again automatically when the connection is back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/BlobTransfer.cpp" line="56"/>
        <source>The document is not available to you on the server. Ask whoever attached it, or check that the case is still yours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/BlobTransfer.cpp" line="62"/>
        <source>The server refused the document because its content does not match its checksum. Attach the file again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/BlobTransfer.cpp" line="67"/>
        <source>The document is larger than the server accepts. Reduce its size (for example scan at a lower resolution) and attach it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/BlobTransfer.cpp" line="73"/>
        <source>The server refused the document transfer. Try again later; if this persists, contact IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/BlobTransfer.cpp" line="82"/>
        <source>The server holds a document of another size under the same checksum. Contact IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/BlobTransfer.cpp" line="233"/>
        <source>The document has not been uploaded completely yet. Try again once the computer it was attached on has synchronised.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/SyncSession.cpp" line="27"/>
        <source>The server %1 cannot be reached. Check the address and your network connection, or work offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/SyncSession.cpp" line="32"/>
        <source>The system keychain cannot keep your sign-in. Make sure the keychain is running and unlocked, then log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/SyncSession.cpp" line="34"/>
        <source>%1 does not answer like a CaseDesk server. Check the server address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/SyncSession.cpp" line="39"/>
        <source>The login or the password is wrong, or the account is disabled. Check both and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/SyncSession.cpp" line="42"/>
        <source>There were too many failed logins. Wait a few minutes, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/SyncSession.cpp" line="45"/>
        <source>The server is busy or being maintained. Try again in a few minutes, or work offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/SyncSession.cpp" line="49"/>
        <source>The server refused the login (%1). Try again, or ask your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/SyncSession.cpp" line="194"/>
        <source>The local case cache is not open, so CaseDesk cannot synchronise. Restart CaseDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/sync/SyncSession.cpp" line="310"/>
        <source>Enter the server address as your IT support gave it to you, for example https://casedesk.example.org.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TaskOutcome</name>
    <message>
        <location filename="../modules/ui/TaskOutcomeLabel.cpp" line="16"/>
        <source>Complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/TaskOutcomeLabel.cpp" line="17"/>
        <source>Incomplete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/TaskOutcomeLabel.cpp" line="18"/>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/TaskOutcomeLabel.cpp" line="19"/>
        <source>Grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/TaskOutcomeLabel.cpp" line="20"/>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/TaskOutcomeLabel.cpp" line="21"/>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/TaskOutcomeLabel.cpp" line="22"/>
        <source>Return for rework</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/TaskOutcomeLabel.cpp" line="23"/>
        <source>Recommend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/TaskOutcomeLabel.cpp" line="24"/>
        <source>Decline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/TaskOutcomeLabel.cpp" line="25"/>
        <source>Costs only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/TaskOutcomeLabel.cpp" line="26"/>
        <source>Site only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/TaskOutcomeLabel.cpp" line="27"/>
        <source>Costs and site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/TaskOutcomeLabel.cpp" line="28"/>
        <source>Neither</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workflow</name>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="110"/>
        <source>The XML nests elements too deeply to be a process model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="135"/>
        <source>The file is not well-formed XML (%1). Save it again from the modelling tool or correct it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="142"/>
        <source>The file is not a BPMN 2.0 model: its root must be the element “definitions” of the BPMN 2.0 model namespace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="156"/>
        <source>The id “%1” is used more than once: give every element its own id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="170"/>
        <source>The element “%1” is not supported by CaseDesk: replace it with a supported element or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="209"/>
        <source>The model has several executable processes: mark exactly one process as executable (isExecutable=&quot;true&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="211"/>
        <source>The model has no executable process: mark exactly one process as executable (isExecutable=&quot;true&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="277"/>
        <source>Event sub-processes are not supported by CaseDesk: model the reaction with a boundary event instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="300"/>
        <source>The event definition “%1” on “%2” is not supported by CaseDesk: only timers, terminate end events and none events are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="309"/>
        <source>The event “%1” needs a timer definition: CaseDesk supports only timer intermediate and boundary events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="325"/>
        <source>A timer needs exactly one of timeDuration, timeDate or timeCycle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="356"/>
        <source>The timer “%1” is not an ISO 8601 duration (P14D, PT2H), date (2026-03-02T09:00:00+01:00) or cycle (R3/P7D); expressions are not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="377"/>
        <location filename="../modules/workflow/ProcessParser.cpp" line="499"/>
        <source>A statutory period counts whole days, weeks, months or years in one unit (P14D, P1M): “%1” is none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="383"/>
        <source>The calendar “%1” is unknown: use “statutory” or “plain”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="399"/>
        <source>The candidate group “%1” is neither a CaseDesk role (clerk, teamLead, mailroom, administrator) nor a team code such as 32.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="403"/>
        <source>The role “%1” is unknown: use clerk, teamLead, mailroom or administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="417"/>
        <source>The team “%1” is not a team code such as 32.1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="422"/>
        <source>The assignee “%1” is an expression: CaseDesk assigns cases itself; name a role or team instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="433"/>
        <source>The lane “%1” names no CaseDesk role: rename it (Sachbearbeitung, Teamleitung, Poststelle) or set a role on the task.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="443"/>
        <source>Auditors only read cases: give the task another role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="449"/>
        <source>The outcome “%1” must be a name of letters, digits and underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="458"/>
        <source>The outcome variable “%1” must be a name of letters, digits and underscores: set casedesk:outcomeVariable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="475"/>
        <source>The service task needs the attribute casedesk:%1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="513"/>
        <source>The service task has no casedesk:kind: CaseDesk runs no code, only setVariable, statutoryDeadline, generateDocument and notify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="516"/>
        <source>The service task kind “%1” is unknown: use setVariable, statutoryDeadline, generateDocument or notify.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="523"/>
        <source>The variable “%1” must be a name of letters, digits and underscores.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="550"/>
        <source>The element “%1” has no id: give it one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="588"/>
        <source>A sequence flow has no id: give it one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="597"/>
        <source>The condition language “%1” is not supported: write the condition as ${...} (JUEL) or = ... (FEEL) without a language.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessGraph.cpp" line="22"/>
        <source>The sequence flow points to “%1”, which is not a supported element of this process: connect it to an existing element.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessGraph.cpp" line="31"/>
        <source>The sequence flow crosses the border of a sub-process: connect elements of the same level only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessGraph.cpp" line="44"/>
        <source>The default flow “%1” is not an outgoing flow of this element.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessGraph.cpp" line="49"/>
        <source>A default flow must not have a condition.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessGraph.cpp" line="61"/>
        <source>The boundary event must be attached to a user task or sub-process of the same level (attachedToRef “%1”).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessGraph.cpp" line="80"/>
        <source>casedesk:fourEyesWith must name another user task of this process (“%1” is none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessGraph.cpp" line="101"/>
        <source>There is more than one start event on this level: keep one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessGraph.cpp" line="108"/>
        <source>The process has no start event: add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessGraph.cpp" line="116"/>
        <source>The sub-process has no start event: add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessGraph.cpp" line="121"/>
        <source>The element has no outgoing sequence flow: add one that leads on, for example to an end event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessGraph.cpp" line="125"/>
        <source>An end event cannot have outgoing sequence flows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessGraph.cpp" line="128"/>
        <source>A start or boundary event cannot have incoming sequence flows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessGraph.cpp" line="134"/>
        <source>A flow out of a parallel gateway cannot have a condition: use an inclusive gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessGraph.cpp" line="188"/>
        <source>The element can never be reached from the start event: connect it or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessGraph.cpp" line="192"/>
        <source>No end event can be reached from this element: add a way out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/ProcessParser.cpp" line="622"/>
        <source>The model is larger than %1 MiB: split it or remove embedded content.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/WorkflowEngine.cpp" line="107"/>
        <source>The condition of the flow “%1” could not be evaluated: %2 Correct the case&apos;s data or the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/WorkflowEngine.cpp" line="135"/>
        <source>At “%1” no outgoing condition is true and there is no default flow: check the case&apos;s data, or give the model a default flow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/WorkflowEngine.cpp" line="153"/>
        <source>The value for “%1” could not be evaluated: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/WorkflowEngine.cpp" line="167"/>
        <source>The variable “%1” holds no date (2026-03-02), so the deadline cannot be computed: enter the date in the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/WorkflowEngine.cpp" line="329"/>
        <source>The process runs in a loop without a task or timer to wait at: correct the model.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/WorkflowEngine.cpp" line="406"/>
        <source>The task is no longer open: someone else completed it or a deadline ended it. Reload the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/WorkflowEngine.cpp" line="412"/>
        <source>You may not complete “%1”: it belongs to another role or team. Ask your team lead to assign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/WorkflowEngine.cpp" line="418"/>
        <source>You completed “%1” yourself, so someone else must complete “%2” (four-eyes principle).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/WorkflowEngine.cpp" line="426"/>
        <source>The task “%1” has no outcomes to choose from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/WorkflowEngine.cpp" line="427"/>
        <source>Choose one of these outcomes for “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/WorkflowEngine.cpp" line="473"/>
        <source>The timer no longer runs: its task was completed or it fired already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/WorkflowEngine.cpp" line="478"/>
        <source>The timer is not due yet: it fires on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/WorkflowState.cpp" line="36"/>
        <source>The field “%1” does not fit the process model: the case was started with another version of the process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/workflow/WorkflowState.cpp" line="118"/>
        <source>The field “%1” repeats an id or is not below nextId.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::CaseAssignmentBar</name>
    <message>
        <location filename="../modules/ui/CaseAssignmentBar.cpp" line="18"/>
        <source>Take this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseAssignmentBar.cpp" line="18"/>
        <source>Hand back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseAssignmentBar.cpp" line="19"/>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseAssignmentBar.cpp" line="22"/>
        <source>Assigns this case of your team to you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseAssignmentBar.cpp" line="23"/>
        <source>Puts the case back into the team&apos;s unassigned cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseAssignmentBar.cpp" line="24"/>
        <source>Team member to assign the case to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseAssignmentBar.cpp" line="25"/>
        <source>Assigns the case to the chosen team member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseAssignmentBar.cpp" line="78"/>
        <source>Not assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseAssignmentBar.cpp" line="78"/>
        <source>Assigned to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseAssignmentBar.cpp" line="145"/>
        <source>a user unknown here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::CaseDetailPane</name>
    <message>
        <location filename="../modules/ui/CaseDetailPane.cpp" line="14"/>
        <location filename="../modules/ui/CaseDetailPane.cpp" line="57"/>
        <source>Select a case to see its application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDetailPane.cpp" line="35"/>
        <source>Selected case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDetailPane.cpp" line="66"/>
        <source>Applicant: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDetailPane.cpp" line="66"/>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDetailPane.cpp" line="68"/>
        <source>Deadline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDetailPane.cpp" line="74"/>
        <source>There is no form for cases of type “%1” in this version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::CaseDocumentsPanel</name>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="34"/>
        <source>Scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="35"/>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="36"/>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="37"/>
        <source>Correspondence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="38"/>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="39"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="53"/>
        <source>Attach documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="54"/>
        <source>Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff *.txt *.odt *.docx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="63"/>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="236"/>
        <source>Attach files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="66"/>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="70"/>
        <source>Documents of the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="74"/>
        <source>Kind of the documents to attach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="75"/>
        <source>Adds files (scans, letters) to the case; they are kept encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="146"/>
        <source>%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="150"/>
        <source>not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="173"/>
        <source>“%1” cannot be read. Check that the file exists and that you may open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="178"/>
        <source>“%1” is larger than %2. Split it into smaller files or scan it at a lower resolution.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="205"/>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="222"/>
        <source>“%1” was not attached: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseDocumentsPanel.cpp" line="236"/>
        <source>Encrypting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::CaseNotesPanel</name>
    <message>
        <location filename="../modules/ui/CaseNotesPanel.cpp" line="23"/>
        <source>Add Vermerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseNotesPanel.cpp" line="25"/>
        <source>Vermerke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseNotesPanel.cpp" line="30"/>
        <source>Vermerke of the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseNotesPanel.cpp" line="31"/>
        <source>Write a Vermerk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseNotesPanel.cpp" line="32"/>
        <source>New Vermerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseNotesPanel.cpp" line="36"/>
        <source>Adds the Vermerk to the case (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseNotesPanel.cpp" line="91"/>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseNotesPanel.cpp" line="123"/>
        <source>unknown author</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::CaseWorkBar</name>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="43"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="44"/>
        <source>The changes to the form of %1 are not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="61"/>
        <source>Complete task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="62"/>
        <source>Complete the task “%1” with “%2”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="64"/>
        <source>The process moves on to its next step. Once the change has been sent to the server, it cannot be taken back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="81"/>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="81"/>
        <source>Discard changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="83"/>
        <source>Set follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="84"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="87"/>
        <source>Saves your changes to the form (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="89"/>
        <source>Shows the form as it was before your changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="91"/>
        <source>Follow-up (Wiedervorlage):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="94"/>
        <source>Follow-up date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="95"/>
        <source>The case comes up again on this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="96"/>
        <source>Removes the follow-up date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="300"/>
        <source>Task: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="303"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/CaseWorkBar.cpp" line="304"/>
        <source>Completes the task “%1”</source>
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
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="29"/>
        <source>CaseDesk: local case cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="30"/>
        <source>If you move the file aside, it is kept beside the new cache: nothing is deleted. Cases that were synchronised are loaded again from the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="33"/>
        <source>Try another passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="34"/>
        <source>Move aside and start a new cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="35"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="71"/>
        <location filename="../modules/ui/DialogStartupPrompts.cpp" line="80"/>
        <source>CaseDesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::FormBooleanEditor</name>
    <message>
        <location filename="../modules/ui/FormBooleanEditor.cpp" line="26"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::FormChoiceEditor</name>
    <message>
        <location filename="../modules/ui/FormChoiceEditor.cpp" line="55"/>
        <source>Type a value or search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/FormChoiceEditor.cpp" line="55"/>
        <source>Type to search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::FormDateEditor</name>
    <message>
        <location filename="../modules/ui/FormDateEditor.cpp" line="19"/>
        <source>DD.MM.YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/FormDateEditor.cpp" line="19"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/FormDateEditor.cpp" line="24"/>
        <source>Choose a date (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/FormDateEditor.cpp" line="25"/>
        <source>Choose a date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::FormGroupRows</name>
    <message>
        <location filename="../modules/ui/FormGroupRows.cpp" line="13"/>
        <source>Add entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/FormGroupRows.cpp" line="15"/>
        <source>Add an entry to “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/FormGroupRows.cpp" line="36"/>
        <source>Entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/FormGroupRows.cpp" line="42"/>
        <source>Remove entry %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/FormGroupRows.cpp" line="43"/>
        <source>Remove entry %1 of “%2”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::FormProblemSummary</name>
    <message>
        <location filename="../modules/ui/FormProblemSummary.cpp" line="25"/>
        <source>Problems in this form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/FormProblemSummary.cpp" line="26"/>
        <source>Choose a problem to go to its field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/FormProblemSummary.cpp" line="40"/>
        <source>Problems to correct in this form: %1</source>
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
    <name>casedesk::ui::LoginDialog</name>
    <message>
        <location filename="../modules/ui/LoginDialog.cpp" line="18"/>
        <source>&amp;Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/LoginDialog.cpp" line="19"/>
        <source>Work &amp;offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/LoginDialog.cpp" line="19"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/LoginDialog.cpp" line="21"/>
        <source>CaseDesk: log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/LoginDialog.cpp" line="23"/>
        <source>Log in to the CaseDesk server of your administration. Without a connection you can work offline with the cases on this computer; your changes are sent at the next login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/LoginDialog.cpp" line="28"/>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/LoginDialog.cpp" line="30"/>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/LoginDialog.cpp" line="31"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/LoginDialog.cpp" line="34"/>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/LoginDialog.cpp" line="35"/>
        <source>Lo&amp;gin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/LoginDialog.cpp" line="36"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/LoginDialog.cpp" line="39"/>
        <source>Login problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/LoginDialog.cpp" line="43"/>
        <source>Logging in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::MainWindow</name>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="41"/>
        <source>CaseDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="63"/>
        <source>Number of cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="65"/>
        <source>Signed-in user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="104"/>
        <source>Views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="126"/>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="183"/>
        <source>%1, 1 case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="184"/>
        <source>%1, %2 cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="196"/>
        <source>1 case found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="196"/>
        <source>%1 cases found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="198"/>
        <source>1 case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="198"/>
        <source>%1 cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="213"/>
        <source>Not signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="221"/>
        <source>Signed in as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="222"/>
        <source>Signed in as %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="229"/>
        <source>Synchronisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="232"/>
        <source>&amp;Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="233"/>
        <source>&amp;New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="236"/>
        <source>&amp;Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="237"/>
        <source>&amp;Log in again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="239"/>
        <source>&amp;Synchronise now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="257"/>
        <source>Login required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="259"/>
        <source>Synchronising…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="261"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="262"/>
        <source>Offline – 1 change pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="263"/>
        <source>Offline – %1 changes pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="265"/>
        <source>Synchronisation stopped – press Ctrl+R to try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="267"/>
        <source>1 change pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="267"/>
        <source>%1 changes pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="269"/>
        <source>Synchronised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/MainWindow.cpp" line="409"/>
        <source>Needs attention (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::NeedsAttentionModel</name>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="92"/>
        <source>(no longer in your cache)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="109"/>
        <source>Someone else changed this field on the server first. Compare the server&apos;s value with yours, then re-apply your change or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="111"/>
        <source>Someone else assigned this case first. Check who works on it now, then re-apply the assignment or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="113"/>
        <source>Someone else completed this task or moved the case on first. Open the case to continue from where it is now, then discard this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="115"/>
        <source>You lack the permission for this change. Discard it or ask your team lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="116"/>
        <source>The case is no longer in your scope or no longer exists. Discard the change or ask your team lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="118"/>
        <source>The server could not accept this change as it was made. Discard it and make it again; if this repeats, report it to your IT support.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="120"/>
        <source>The server found form values that are not valid. Open the case, correct them, then discard this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="122"/>
        <source>You may not complete this task. Ask your team lead, or discard the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="123"/>
        <source>This step needs a second person (four-eyes principle). Ask a colleague to complete it, then discard your change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="125"/>
        <source>This task has no such outcome (any more). Open the case, choose again, then discard this change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="127"/>
        <source>The process cannot continue with this step. Tell the administrator of the process models, then discard the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="129"/>
        <source>The process does not allow this step now. Open the case to see where it is, then discard the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="131"/>
        <source>A case with this id exists already. Discard this new case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="132"/>
        <source>The server refused to create this case, so this change cannot be applied either. Discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="134"/>
        <source>The server cannot read this case. Tell the administrator, then discard the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="136"/>
        <source>The server does not know this kind of change. Discard it, or update the server and re-apply it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="138"/>
        <source>The server has no process model or form for this case type. Tell the administrator, then discard the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="140"/>
        <source>This Vermerk is on the server already. Discard this copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="141"/>
        <source>The server does not have the document&apos;s content yet. Re-apply the change to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="143"/>
        <source>This document is attached already. Discard this copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="144"/>
        <source>The case has no such document (any more). Discard the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="145"/>
        <source>This team is consulted on the case already. Discard the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="146"/>
        <source>This team is no longer consulted on the case. Discard the change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="160"/>
        <source>Case created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="166"/>
        <source>Set fields: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="169"/>
        <source>Complete task “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="172"/>
        <source>Remove the assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="172"/>
        <source>Assign to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="175"/>
        <source>Take on the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="177"/>
        <source>Vermerk added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="179"/>
        <source>Document “%1” attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="182"/>
        <source>Document details changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="185"/>
        <source>Follow-up set to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="186"/>
        <source>Follow-up removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="190"/>
        <source>Consultation requested from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="190"/>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="194"/>
        <source>another team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="194"/>
        <source>Consultation of %1 ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="197"/>
        <source>Deputy set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="219"/>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="279"/>
        <source>(empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="240"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="258"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="260"/>
        <source>unknown user (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="272"/>
        <source>You</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="308"/>
        <source>No open task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="308"/>
        <source>Open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="349"/>
        <source>Made on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="367"/>
        <source>File number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="369"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="371"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="373"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="375"/>
        <source>Server&apos;s value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionModel.cpp" line="377"/>
        <source>Your value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::NeedsAttentionPanel</name>
    <message>
        <location filename="../modules/ui/NeedsAttentionPanel.cpp" line="22"/>
        <source>Discard change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionPanel.cpp" line="33"/>
        <source>&amp;Re-apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionPanel.cpp" line="33"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionPanel.cpp" line="34"/>
        <source>&amp;Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionPanel.cpp" line="36"/>
        <source>The server did not apply these changes. Re-apply a change on top of the current state, open its case to edit it, or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionPanel.cpp" line="50"/>
        <source>Changes that need your attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionPanel.cpp" line="53"/>
        <source>Make the change again on top of what the case holds now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionPanel.cpp" line="55"/>
        <source>Open the case to make the change by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionPanel.cpp" line="57"/>
        <source>Drop the change for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NeedsAttentionPanel.cpp" line="159"/>
        <source>Discard this change for good?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>casedesk::ui::NewCaseDialog</name>
    <message>
        <location filename="../modules/ui/NewCaseDialog.cpp" line="30"/>
        <source>I work on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NewCaseDialog.cpp" line="33"/>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NewCaseDialog.cpp" line="44"/>
        <source>Assigns the new case to you; otherwise it waits in the team&apos;s unassigned cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NewCaseDialog.cpp" line="53"/>
        <source>Case &amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NewCaseDialog.cpp" line="54"/>
        <source>T&amp;eam:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NewCaseDialog.cpp" line="55"/>
        <source>T&amp;itle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NewCaseDialog.cpp" line="56"/>
        <source>&amp;Given name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NewCaseDialog.cpp" line="57"/>
        <source>&amp;Family name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NewCaseDialog.cpp" line="58"/>
        <source>&amp;Organisation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NewCaseDialog.cpp" line="59"/>
        <source>&amp;Street and number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NewCaseDialog.cpp" line="60"/>
        <source>&amp;Postcode and city:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NewCaseDialog.cpp" line="61"/>
        <source>&amp;Received on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NewCaseDialog.cpp" line="64"/>
        <source>Create case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/NewCaseDialog.cpp" line="99"/>
        <source>You may not open cases. The mailroom, clerks and team leads do.</source>
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
        <location filename="../modules/ui/StartupController.cpp" line="104"/>
        <source>The folder for the local case cache cannot be created: %1. Check that you may write there, or choose another place with --cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/StartupController.cpp" line="144"/>
        <source>This passphrase does not open the local case cache. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/StartupController.cpp" line="169"/>
        <source>Start-up was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/StartupController.cpp" line="178"/>
        <source>Creating %1 demo cases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/StartupController.cpp" line="240"/>
        <source>The chosen user is not in the local case cache.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../modules/ui/StartupController.cpp" line="336"/>
        <source>Your session has ended. Log in again to send your changes; they are kept on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
